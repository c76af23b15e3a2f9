"""Site-wide rate limits: counted per hashed address, answered with 429, never a lock-out
when the cache itself is down."""

from unittest import mock

import pytest
from django.test import override_settings

from participation.ratelimit import client_pseudonym

pytestmark = pytest.mark.django_db


def test_admin_login_attempts_are_limited_per_address(client, settings):
    settings.RATE_LIMITS = {**settings.RATE_LIMITS}
    settings.RATE_LIMITS["admin-login"] = {**settings.RATE_LIMITS["admin-login"], "limit": 3}
    statuses = [
        client.post("/admin/login/", {"username": "x", "password": "y"}).status_code
        for _ in range(4)
    ]
    assert statuses == [200, 200, 200, 429]
    other = client.post(
        "/admin/login/", {"username": "x", "password": "y"}, REMOTE_ADDR="198.51.100.9"
    )
    assert other.status_code == 200


@override_settings(
    RATE_LIMITS={
        "probe": {"path": r"^/admin/login/$", "methods": ("GET",), "limit": 0, "window": 60}
    }
)
def test_a_cache_outage_does_not_lock_everyone_out(client):
    with mock.patch("participation.ratelimit.cache.add", side_effect=ConnectionError("redis down")):
        assert client.get("/admin/login/").status_code == 200


def test_the_address_is_hashed_not_kept(rf):
    request = rf.get("/", REMOTE_ADDR="203.0.113.7")
    pseudonym = client_pseudonym(request)
    assert "203.0.113.7" not in pseudonym
    assert pseudonym == client_pseudonym(rf.get("/", REMOTE_ADDR="203.0.113.7"))


@override_settings(RATE_LIMIT_TRUSTED_PROXIES=1)
def test_behind_one_proxy_the_forwarded_address_counts(rf):
    via_proxy = rf.get("/", REMOTE_ADDR="10.0.0.2", HTTP_X_FORWARDED_FOR="203.0.113.7")
    direct = rf.get("/", REMOTE_ADDR="203.0.113.7")
    assert client_pseudonym(via_proxy) == client_pseudonym(direct)
