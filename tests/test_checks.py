"""The deployment check for proxies (config/checks.py): behind a proxy with no trusted-proxy
count every resident shares one rate limit, so the operator is warned; trusting
X-Forwarded-For with no proxy in front is warned about too; a consistent setup is quiet."""

import pytest
from django.core.management import call_command

from config.checks import check_trusted_proxies


def ids(_settings) -> list[str]:
    return [message.id for message in check_trusted_proxies()]


@pytest.fixture
def direct(settings):
    settings.SECURE_PROXY_SSL_HEADER = None
    settings.USE_X_FORWARDED_HOST = False
    settings.USE_X_FORWARDED_PORT = False
    settings.BEHIND_PROXY = None
    settings.RATE_LIMIT_TRUSTED_PROXIES = 0
    return settings


def test_no_proxy_and_no_trusted_proxies_is_quiet(direct):
    assert ids(direct) == []


@pytest.mark.parametrize(
    ("name", "value"),
    [
        ("SECURE_PROXY_SSL_HEADER", ("HTTP_X_FORWARDED_PROTO", "https")),
        ("USE_X_FORWARDED_HOST", True),
        ("USE_X_FORWARDED_PORT", True),
        ("BEHIND_PROXY", True),
    ],
)
def test_a_proxy_without_trusted_proxies_warns(direct, name, value):
    setattr(direct, name, value)
    (message,) = check_trusted_proxies()
    assert message.id == "consult.W001" and name in message.msg
    assert "RATE_LIMIT_TRUSTED_PROXIES" in message.hint
    direct.RATE_LIMIT_TRUSTED_PROXIES = 1
    assert ids(direct) == []


def test_behind_proxy_false_overrides_the_header_settings(direct):
    direct.SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
    direct.BEHIND_PROXY = False
    assert ids(direct) == []


def test_trusting_forwarded_for_with_no_proxy_warns(direct):
    direct.BEHIND_PROXY = False
    direct.RATE_LIMIT_TRUSTED_PROXIES = 1
    assert ids(direct) == ["consult.W002"]


def test_manage_check_reports_the_warning(direct, capsys):
    direct.USE_X_FORWARDED_HOST = True
    call_command("check")
    captured = capsys.readouterr()
    assert "consult.W001" in captured.err + captured.out
