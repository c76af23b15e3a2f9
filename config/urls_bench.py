"""URLs for config.settings.bench: the site plus two bare views the benchmarks compare with.
Not imported by config.urls, so production never serves them."""

from django.db import connection
from django.http import HttpRequest, HttpResponse
from django.urls import path
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.http import require_POST

from config.urls import urlpatterns as site_urlpatterns

BARE_TABLE = "bench_bare_insert"


def bare(request: HttpRequest) -> HttpResponse:
    """The floor for a page: the same middleware, no template, no query."""
    return HttpResponse("ok", content_type="text/plain")


@csrf_exempt
@require_POST
def bare_insert(request: HttpRequest) -> HttpResponse:
    """The floor for a comment POST: one parameterised single-row INSERT in autocommit."""
    with connection.cursor() as cursor:
        cursor.execute(
            f"INSERT INTO {BARE_TABLE} (body) VALUES (%s)",  # noqa: S608 - constant table name
            [request.POST.get("text", "")],
        )
    return HttpResponse("ok", content_type="text/plain", status=201)


urlpatterns = [
    path("bench/bare", bare),
    path("bench/insert", bare_insert),
    *site_urlpatterns,
]
handler400 = "config.errors.bad_request"
handler403 = "config.errors.permission_denied"
handler404 = "config.errors.page_not_found"
handler500 = "config.errors.server_error"
