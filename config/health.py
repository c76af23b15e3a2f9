"""Health endpoints for the load balancer and the orchestrator.

/health/live answers as long as the process can serve Python: restart the process if it fails.
/health/ready checks what a request needs (the database, the shared cache) and whether the task
workers keep up (age of the oldest task waiting to run): take the server out of rotation while
it fails. Both are outside the language prefix, uncached and carry no personal data.
"""

import logging
import time

from django.conf import settings
from django.core.cache import cache
from django.db import connection
from django.http import HttpRequest, JsonResponse
from django.utils import timezone
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_GET

logger = logging.getLogger("config.health")


@never_cache
@require_GET
def live(request: HttpRequest) -> JsonResponse:
    return JsonResponse({"status": "ok"})


def check_database() -> None:
    with connection.cursor() as cursor:
        cursor.execute("SELECT 1")
        cursor.fetchone()


def check_cache() -> None:
    key = f"health:{time.monotonic_ns()}"
    cache.set(key, "1", timeout=10)
    if cache.get(key) != "1":
        raise RuntimeError("cache did not return the value it was given")
    cache.delete(key)


def worker_lag_seconds() -> float:
    """Seconds the oldest runnable task has waited; 0 when the queue is empty. Tasks scheduled
    for later count from their run_after time."""
    from django_tasks_db.models import DBTaskResult, get_date_max

    oldest = DBTaskResult.objects.ready().order_by("enqueued_at").first()
    if oldest is None:
        return 0.0
    since = oldest.enqueued_at
    if oldest.run_after != get_date_max() and oldest.run_after > since:
        since = oldest.run_after
    return max(0.0, (timezone.now() - since).total_seconds())


def uses_database_tasks() -> bool:
    return settings.TASKS["default"]["BACKEND"] == "django_tasks_db.DatabaseBackend"


@never_cache
@require_GET
def ready(request: HttpRequest) -> JsonResponse:
    checks: dict[str, str] = {}
    body: dict = {"checks": checks}
    for name, check in (("database", check_database), ("cache", check_cache)):
        try:
            check()
            checks[name] = "ok"
        except Exception as exc:  # any failure means "not ready"; the class name says which
            checks[name] = "failed"
            logger.warning(
                "readiness check failed", extra={"check": name, "error_class": type(exc).__name__}
            )
    if checks["database"] == "ok" and uses_database_tasks():
        try:
            lag = worker_lag_seconds()
            body["worker_lag_s"] = round(lag, 1)
            checks["workers"] = "ok" if lag <= settings.HEALTH_MAX_WORKER_LAG else "lagging"
        except Exception as exc:
            checks["workers"] = "failed"
            logger.warning(
                "readiness check failed",
                extra={"check": "workers", "error_class": type(exc).__name__},
            )
    healthy = all(state == "ok" for state in checks.values())
    body["status"] = "ok" if healthy else "unavailable"
    return JsonResponse(body, status=200 if healthy else 503)
