"""Error pages residents see, in their own language, and the 503 answer to a database outage.

Every page is rendered from a self-contained template without the request context, so no context
processor (auth, messages, Wagtail settings) can reach the database while the database is the
thing that failed. The language is already active: LocaleMiddleware took it from the URL.
"""

import logging
import sys

from django.db import InterfaceError, OperationalError
from django.http import HttpRequest, HttpResponse
from django.template import loader

logger = logging.getLogger("config.errors")

DATABASE_ERRORS = (OperationalError, InterfaceError)
RETRY_AFTER_SECONDS = {429: 60, 503: 30}


def render_error(status: int, template_name: str | None = None) -> HttpResponse:
    """Render `<status>.html` with no database access and the right status and headers."""
    body = loader.render_to_string(template_name or f"{status}.html", {"status_code": status})
    response = HttpResponse(body, status=status, content_type="text/html; charset=utf-8")
    if status in RETRY_AFTER_SECONDS:
        response["Retry-After"] = str(RETRY_AFTER_SECONDS[status])
    response["Cache-Control"] = "no-store"
    return response


def bad_request(request: HttpRequest, exception: Exception | None = None) -> HttpResponse:
    return render_error(400)


def permission_denied(request: HttpRequest, exception: Exception | None = None) -> HttpResponse:
    return render_error(403)


def page_not_found(request: HttpRequest, exception: Exception | None = None) -> HttpResponse:
    return render_error(404)


def csrf_failure(request: HttpRequest, reason: str = "") -> HttpResponse:
    """An expired or missing form token: tell the resident to reload, not that they are banned."""
    return render_error(403, "403_csrf.html")


def too_many_requests(request: HttpRequest, retry_after: int = 0) -> HttpResponse:
    response = render_error(429)
    if retry_after:
        response["Retry-After"] = str(retry_after)
    return response


def service_unavailable(request: HttpRequest | None = None) -> HttpResponse:
    return render_error(503)


def server_error(request: HttpRequest) -> HttpResponse:
    """Django calls this inside its exception handler, so the exception is still current: a
    database outage raised from middleware (sessions, redirects) becomes a 503, not a 500."""
    if isinstance(sys.exc_info()[1], DATABASE_ERRORS):
        return service_unavailable(request)
    return render_error(500)


class DatabaseUnavailableMiddleware:
    """Answer a view's database outage with the translated 503 page.

    Nothing is cached or retried here: Django closes a broken connection at the end of the
    request (CONN_HEALTH_CHECKS), so the first request after the database returns succeeds.
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        return self.get_response(request)

    def process_exception(self, request: HttpRequest, exception: Exception) -> HttpResponse | None:
        if not isinstance(exception, DATABASE_ERRORS):
            return None
        logger.error(
            "database unavailable",
            extra={"error_class": type(exception).__name__},
        )
        return service_unavailable(request)
