"""Recorded check for docs/reliability.md: an analysis started in the admin over HTTP (on gunicorn)
is executed by the separate db_worker process. Cookies are handled by hand: production cookies
are Secure and this check talks plain HTTP on loopback with X-Forwarded-Proto set."""

import http.client
import re
import time
import urllib.parse
import urllib.request

BASE = "127.0.0.1", 8011
cookies = {}


def request(method, path, data=None):
    conn = http.client.HTTPConnection(*BASE, timeout=30)
    headers = {
        "Cookie": "; ".join(f"{k}={v}" for k, v in cookies.items()),
        "Referer": "https://127.0.0.1:8011" + path,
        "X-Forwarded-Proto": "https",
    }
    body = None
    if data is not None:
        body = urllib.parse.urlencode(data)
        headers["Content-Type"] = "application/x-www-form-urlencoded"
    conn.request(method, path, body=body, headers=headers)
    resp = conn.getresponse()
    for header, value in resp.getheaders():
        if header.lower() == "set-cookie":
            name, val = value.split(";")[0].split("=", 1)
            cookies[name] = val
    return resp.status, resp.getheader("Location"), resp.read().decode("utf-8", "replace")


status, _, html = request("GET", "/admin/login/")
token = re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', html).group(1)
status, loc, _ = request(
    "POST",
    "/admin/login/",
    {
        "csrfmiddlewaretoken": token,
        "username": "admin",
        "password": "demo-admin-2026",
        "next": "/admin/",
    },
)
print("login", status, loc)
status, _, html = request("GET", "/admin/analysis/runs/")
token = re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', html).group(1)
consultation = re.search(r'<option value="(\d+)"', html).group(1)
status, loc, _ = request(
    "POST",
    "/admin/analysis/runs/",
    {"csrfmiddlewaretoken": token, "consultation": consultation, "emergent": "on"},
)
print("start run", status, loc)
start = time.time()
while time.time() - start < 300:
    status, _, html = request("GET", loc)
    state = re.search(r'data-run-status="(\w+)"', html).group(1)
    if state in ("succeeded", "failed"):
        break
    time.sleep(2)
print("run status", state, "after", round(time.time() - start, 1), "s")
