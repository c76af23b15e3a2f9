"""Structured (JSON) logs, one object per line, each carrying the request id.

Only fields named here are written: the request object Django attaches to its log records (with
the client's address and headers) is never serialised, and anything in a message that looks like
an e-mail or an IP address is masked, so logs hold no personal data.
"""

import contextvars
import json
import logging
import re
from datetime import UTC, datetime

request_id_var: contextvars.ContextVar[str] = contextvars.ContextVar("request_id", default="-")

EXTRA_FIELDS = (
    "method",
    "path",
    "status",
    "duration_ms",
    "error_class",
    "check",
    "worker_lag_s",
)
EMAIL = re.compile(r"[\w.+-]+@[\w-]+(\.[\w-]+)+")
IPV4 = re.compile(r"\b(?:\d{1,3}\.){3}\d{1,3}\b")
IPV6 = re.compile(
    r"(?:[0-9a-fA-F]{1,4}:){7}[0-9a-fA-F]{1,4}"
    r"|(?:[0-9a-fA-F]{1,4}:){0,6}[0-9a-fA-F]{0,4}::(?:[0-9a-fA-F]{1,4}:){0,6}[0-9a-fA-F]{0,4}"
)


def redact(text: str) -> str:
    """Mask e-mail and IP addresses that a message or traceback might carry."""
    return IPV6.sub("[ip]", IPV4.sub("[ip]", EMAIL.sub("[email]", text)))


class RequestIdFilter(logging.Filter):
    """Stamp every record with the id of the request being served (or '-'). Django's own
    request log lines are written after the middleware returned, so their request is asked."""

    def filter(self, record: logging.LogRecord) -> bool:
        request = getattr(record, "request", None)
        record.request_id = getattr(request, "request_id", None) or request_id_var.get()
        return True


class JsonFormatter(logging.Formatter):
    def format(self, record: logging.LogRecord) -> str:
        entry = {
            "ts": datetime.fromtimestamp(record.created, UTC).isoformat(timespec="milliseconds"),
            "level": record.levelname,
            "logger": record.name,
            "message": redact(record.getMessage()),
            "request_id": getattr(record, "request_id", request_id_var.get()),
        }
        for field in EXTRA_FIELDS:
            value = getattr(record, field, None)
            if value is not None:
                entry[field] = value
        if record.exc_info:
            entry["exc_info"] = redact(self.formatException(record.exc_info))
        return json.dumps(entry, ensure_ascii=False, default=str)


def logging_config(*, fmt: str = "json", level: str = "INFO") -> dict:
    """The LOGGING dict for settings and gunicorn: JSON (production) or text (development)."""
    level = level.upper()
    formatter = (
        {"()": "config.logging.JsonFormatter"}
        if fmt == "json"
        else {"format": "%(asctime)s %(levelname)s %(name)s [%(request_id)s] %(message)s"}
    )
    return {
        "version": 1,
        "disable_existing_loggers": False,
        "filters": {"request_id": {"()": "config.logging.RequestIdFilter"}},
        "formatters": {"default": formatter},
        "handlers": {
            "console": {
                "class": "logging.StreamHandler",
                "formatter": "default",
                "filters": ["request_id"],
            }
        },
        "root": {"handlers": ["console"], "level": "WARNING"},
        "loggers": {
            "django": {"handlers": ["console"], "level": "WARNING", "propagate": False},
            "django.server": {"handlers": ["console"], "level": "WARNING", "propagate": False},
            "config": {"handlers": ["console"], "level": level, "propagate": False},
            "consultation": {"handlers": ["console"], "level": level, "propagate": False},
            "survey": {"handlers": ["console"], "level": level, "propagate": False},
            "analysis": {"handlers": ["console"], "level": level, "propagate": False},
            "django_tasks": {"handlers": ["console"], "level": level, "propagate": False},
            "django_tasks_db": {"handlers": ["console"], "level": level, "propagate": False},
            "gunicorn.error": {"handlers": ["console"], "level": "INFO", "propagate": False},
        },
    }
