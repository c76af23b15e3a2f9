"""Security headers on every kind of response residents and staff can get."""

import pytest
from django.test import override_settings

pytestmark = pytest.mark.django_db

PRODUCTION_TRANSPORT = {
    "SECURE_HSTS_SECONDS": 31536000,
    "SECURE_HSTS_INCLUDE_SUBDOMAINS": True,
    "SECURE_HSTS_PRELOAD": True,
    "SECURE_PROXY_SSL_HEADER": ("HTTP_X_FORWARDED_PROTO", "https"),
}

RESPONSES = [
    ("/en/", 200),
    ("/ko/customer-bill-of-rights/", 200),
    ("/am/customer-bill-of-rights/draft-2/", 200),
    ("/zh-hans/customer-bill-of-rights/draft-2/compare/?from=1", 200),
    ("/en/no-such-page/", 404),
    ("/admin/login/", 200),
    ("/admin/", 302),
    ("/health/live", 200),
    ("/health/ready", 200),
    ("/static/css/site.css", 200),
    ("/", 302),
]


def _check_headers(response):
    csp = response["Content-Security-Policy"]
    assert "default-src 'self'" in csp
    assert "frame-ancestors" in csp
    assert response["Strict-Transport-Security"] == ("max-age=31536000; includeSubDomains; preload")
    assert response["Referrer-Policy"] == "same-origin"
    assert "camera=()" in response["Permissions-Policy"]
    assert response["X-Content-Type-Options"] == "nosniff"
    assert response["Cross-Origin-Opener-Policy"] == "same-origin"
    assert response["X-Request-ID"]


@override_settings(**PRODUCTION_TRANSPORT)
@pytest.mark.parametrize(("url", "status"), RESPONSES)
def test_every_response_carries_the_security_headers(client, demo, url, status):
    response = client.get(url, HTTP_X_FORWARDED_PROTO="https")
    assert response.status_code == status
    _check_headers(response)


@override_settings(
    **PRODUCTION_TRANSPORT,
    RATE_LIMITS={"probe": {"path": r"^/en/$", "methods": ("GET",), "limit": 0, "window": 60}},
)
def test_rate_limited_response_carries_the_security_headers(client, demo):
    response = client.get("/en/", HTTP_X_FORWARDED_PROTO="https")
    assert response.status_code == 429
    _check_headers(response)


@override_settings(**PRODUCTION_TRANSPORT)
def test_database_outage_page_carries_the_security_headers(client, demo):
    from unittest import mock

    from django.db import OperationalError

    with mock.patch(
        "django.db.backends.base.base.BaseDatabaseWrapper.cursor",
        side_effect=OperationalError("down"),
    ):
        response = client.get("/so/", HTTP_X_FORWARDED_PROTO="https")
    assert response.status_code == 503
    _check_headers(response)


@pytest.mark.parametrize("url", ["/en/", "/ru/customer-bill-of-rights/draft-1/"])
def test_resident_pages_allow_no_inline_script_or_style(client, demo, url):
    response = client.get(url)
    csp = dict(
        part.strip().split(" ", 1) for part in response["Content-Security-Policy"].split(";")
    )
    assert csp["script-src"] == "'self'"
    assert csp["style-src"] == "'self'"
    html = response.content.decode()
    assert "<script>" not in html
    assert "<style" not in html
    assert " style=" not in html


def test_only_the_admin_allows_inline_scripts(client, demo):
    admin_csp = client.get("/admin/login/")["Content-Security-Policy"]
    public_csp = client.get("/en/")["Content-Security-Policy"]
    assert "'unsafe-inline'" in admin_csp
    assert "'unsafe-inline'" not in public_csp
