"""Production settings: refuse to start without their secrets, pass `check --deploy` with no
findings, and write JSON logs with request ids and no personal data."""

import json
import logging
import os
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
STRONG_KEY = "k3Y-" + "abcdefghijklmnopqrstuvwxyz0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ"


def manage(*args: str, **env: str) -> subprocess.CompletedProcess:
    environment = {
        k: v
        for k, v in os.environ.items()
        # The browser tests set DJANGO_ALLOW_ASYNC_UNSAFE in-process; a server never has it.
        if k
        not in {
            "SECRET_KEY",
            "ALLOWED_HOSTS",
            "DJANGO_SETTINGS_MODULE",
            "DJANGO_ALLOW_ASYNC_UNSAFE",
        }
    }
    environment.update(env)
    return subprocess.run(
        [sys.executable, "manage.py", *args, "--settings=config.settings.production"],
        cwd=ROOT,
        env=environment,
        capture_output=True,
        text=True,
        timeout=120,
    )


def test_check_deploy_finds_nothing_with_production_settings():
    result = manage(
        "check",
        "--deploy",
        "--fail-level",
        "WARNING",
        SECRET_KEY=STRONG_KEY,
        ALLOWED_HOSTS="consult.example.org",
        # Production sits behind a TLS proxy (SECURE_PROXY_SSL_HEADER): one load balancer.
        RATE_LIMIT_TRUSTED_PROXIES="1",
    )
    assert result.returncode == 0, result.stdout + result.stderr
    assert "System check identified no issues (0 silenced)." in result.stdout


def test_check_warns_when_production_is_behind_a_proxy_with_no_trusted_proxies():
    result = manage(
        "check",
        SECRET_KEY=STRONG_KEY,
        ALLOWED_HOSTS="consult.example.org",
        RATE_LIMIT_TRUSTED_PROXIES="0",
    )
    assert "consult.W001" in result.stderr + result.stdout
    assert "SECURE_PROXY_SSL_HEADER" in result.stderr + result.stdout


def test_production_refuses_to_start_without_secret_key():
    result = manage("check", ALLOWED_HOSTS="consult.example.org")
    assert result.returncode != 0
    assert "The environment variable SECRET_KEY must be set" in result.stderr


def test_production_refuses_to_start_without_allowed_hosts():
    result = manage("check", SECRET_KEY=STRONG_KEY)
    assert result.returncode != 0
    assert "The environment variable ALLOWED_HOSTS must be set" in result.stderr


def test_production_refuses_a_wildcard_host():
    result = manage("check", SECRET_KEY=STRONG_KEY, ALLOWED_HOSTS="*")
    assert result.returncode != 0
    assert "ALLOWED_HOSTS must name the site's hosts" in result.stderr


@pytest.fixture
def json_log(caplog):
    """Records as the production formatter writes them, one JSON object per line."""
    from config.logging import JsonFormatter, RequestIdFilter

    formatter = JsonFormatter()
    caplog.set_level(logging.INFO)
    caplog.handler.addFilter(RequestIdFilter())

    def lines() -> list[dict]:
        return [json.loads(formatter.format(record)) for record in caplog.records]

    return lines


@pytest.mark.django_db
def test_each_request_is_logged_as_json_with_its_request_id(client, demo, json_log):
    response = client.get("/en/?email=resident@example.org", HTTP_X_REQUEST_ID="lb-request-0001")
    assert response["X-Request-ID"] == "lb-request-0001"
    access = [line for line in json_log() if line["logger"] == "config.access"]
    assert access[-1]["request_id"] == "lb-request-0001"
    assert access[-1]["path"] == "/en/"
    assert access[-1]["status"] == 200
    assert access[-1]["method"] == "GET"


@pytest.mark.django_db
def test_a_malformed_request_id_is_replaced(client, demo):
    response = client.get("/en/", HTTP_X_REQUEST_ID="<script>")
    assert response["X-Request-ID"] != "<script>"
    assert len(response["X-Request-ID"]) == 32


@pytest.mark.django_db
def test_logs_hold_no_addresses_or_emails(client, demo, json_log):
    client.get("/en/no-such-page/?email=resident@example.org", REMOTE_ADDR="203.0.113.7")
    logging.getLogger("consultation").warning(
        "could not notify resident@example.org from 203.0.113.7 or 2001:db8::1"
    )
    text = "\n".join(json.dumps(line, ensure_ascii=False) for line in json_log())
    assert "resident@example.org" not in text
    assert "203.0.113.7" not in text
    assert "2001:db8::1" not in text
    assert "[email]" in text
