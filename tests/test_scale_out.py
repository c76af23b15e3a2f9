"""Two app servers on different ports sharing one PostgreSQL and one Redis behave as one site:
a login made on one is valid on the other, and a rate limit hit on one applies on the other.

Needs the real shared services, so it runs in CI's PostgreSQL + Redis stage and is skipped on the
SQLite default (in-memory cache: each process would count alone, which is what this guards
against)."""

import os
import re
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.parse
import urllib.request
from http.cookiejar import CookieJar
from pathlib import Path

import pytest
from django.db import connection

ROOT = Path(__file__).resolve().parent.parent
LOGIN_LIMIT = 5

pytestmark = [
    pytest.mark.postgres,
    pytest.mark.django_db(transaction=True),
    pytest.mark.skipif(
        not os.environ.get("DATABASE_URL", "").startswith(("postgres://", "postgresql://"))
        or not os.environ.get("REDIS_URL", "").startswith("redis"),
        reason="needs DATABASE_URL (PostgreSQL) and REDIS_URL (Redis) shared by both servers",
    ),
]


class NoRedirect(urllib.request.HTTPRedirectHandler):
    def redirect_request(self, *args, **kwargs):
        return None


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def database_url() -> str:
    db = connection.settings_dict
    user = urllib.parse.quote(db["USER"])
    password = urllib.parse.quote(db["PASSWORD"])
    return f"postgres://{user}:{password}@{db['HOST']}:{db['PORT']}/{db['NAME']}"


@pytest.fixture
def two_servers():
    """Start two gunicorn servers (one worker each) on the test database and shared Redis."""
    env = {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "config.settings.test",
        "DATABASE_URL": database_url(),
        "ADMIN_LOGIN_LIMIT": str(LOGIN_LIMIT),
        "WEB_CONCURRENCY": "1",
        "LOG_LEVEL": "warning",
    }
    ports = [free_port(), free_port()]
    servers = [
        subprocess.Popen(
            [
                sys.executable,
                "-m",
                "gunicorn",
                "-c",
                "config/gunicorn.py",
                "--bind",
                f"127.0.0.1:{port}",
                "config.wsgi:application",
            ],
            cwd=ROOT,
            env=env,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.PIPE,
        )
        for port in ports
    ]
    try:
        for port, server in zip(ports, servers, strict=True):
            wait_until_live(port, server)
        yield [f"http://127.0.0.1:{port}" for port in ports]
    finally:
        for server in servers:
            server.terminate()
        for server in servers:
            server.wait(timeout=30)


def wait_until_live(port: int, server: subprocess.Popen) -> None:
    for _ in range(120):
        if server.poll() is not None:
            pytest.fail(f"server on {port} exited: {server.stderr.read().decode()[-2000:]}")
        try:
            with urllib.request.urlopen(f"http://127.0.0.1:{port}/health/live", timeout=2):
                return
        except (urllib.error.URLError, ConnectionError):
            time.sleep(0.25)
    pytest.fail(f"server on {port} did not start")


class Browser:
    """A resident's browser: one cookie jar used against both servers."""

    def __init__(self):
        self.opener = urllib.request.build_opener(
            urllib.request.HTTPCookieProcessor(CookieJar()), NoRedirect()
        )

    def request(self, url: str, data: dict | None = None) -> tuple[int, str]:
        body = urllib.parse.urlencode(data).encode() if data is not None else None
        request = urllib.request.Request(url, data=body, headers={"Referer": url})  # noqa: S310
        try:
            with self.opener.open(request, timeout=30) as response:
                return response.status, response.read().decode()
        except urllib.error.HTTPError as error:
            return error.code, error.read().decode()

    def login_form(self, base: str) -> dict:
        status, html = self.request(f"{base}/admin/login/")
        assert status == 200
        token = re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', html).group(1)
        return {"csrfmiddlewaretoken": token, "next": "/admin/"}

    def login(self, base: str, username: str, password: str) -> int:
        form = self.login_form(base) | {"username": username, "password": password}
        return self.request(f"{base}/admin/login/", form)[0]


def test_both_servers_are_ready(two_servers):
    for base in two_servers:
        status, body = Browser().request(f"{base}/health/ready")
        assert status == 200, body


def test_a_login_on_one_server_is_valid_on_the_other(demo, two_servers, django_user_model):
    django_user_model.objects.create_superuser("scale-admin", "ops@example.org", "pw-scale-out")
    server_a, server_b = two_servers
    browser = Browser()
    assert browser.login(server_a, "scale-admin", "pw-scale-out") == 302
    status, html = browser.request(f"{server_b}/admin/")
    assert status == 200
    assert "scale-admin" in html or "Dashboard" in html
    assert Browser().request(f"{server_b}/admin/")[0] == 302


def test_a_rate_limit_hit_on_one_server_applies_on_the_other(two_servers):
    server_a, server_b = two_servers
    browser = Browser()
    statuses = [browser.login(server_a, "nobody", "wrong") for _ in range(LOGIN_LIMIT + 1)]
    assert statuses[:LOGIN_LIMIT] == [200] * LOGIN_LIMIT
    assert statuses[LOGIN_LIMIT] == 429
    assert browser.login(server_b, "nobody", "wrong") == 429
