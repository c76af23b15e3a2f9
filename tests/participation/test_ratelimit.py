"""One client-address policy and one limiter for comments, status lookups and surveys."""

from django.test import override_settings

from participation import ratelimit


def test_the_pseudonym_is_keyed_and_never_the_address(settings):
    first = ratelimit.pseudonym("203.0.113.9")
    assert first == ratelimit.pseudonym("203.0.113.9")
    assert "203.0.113.9" not in first
    settings.PSEUDONYM_KEY = "another-key"
    assert ratelimit.pseudonym("203.0.113.9") != first


@override_settings(RATE_LIMIT_TRUSTED_PROXIES=1)
def test_a_forged_forwarded_address_further_left_is_ignored(rf):
    forged = rf.get("/", REMOTE_ADDR="10.0.0.2", HTTP_X_FORWARDED_FOR="1.2.3.4, 203.0.113.7")
    assert ratelimit.client_address(forged) == "203.0.113.7"


def test_a_refusal_says_when_to_retry(rf, settings):
    settings.RATE_LIMITS = {**settings.RATE_LIMITS, "probe": {"limit": 1, "window": 60}}
    request = rf.get("/", REMOTE_ADDR="203.0.113.8")
    assert ratelimit.check(request, "probe").allowed
    refused = ratelimit.check(request, "probe")
    assert not refused.allowed
    assert 1 <= refused.retry_after <= 60
