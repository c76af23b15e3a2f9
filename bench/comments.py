"""Accepted comment POSTs/s against a bare one-row INSERT view, same gunicorn, PostgreSQL.

    .venv/bin/python -m bench.comments [--seconds 10] [--rounds 2] [--clients 8]

A comment POST is the resident's real request: CSRF token, signed one-time form token, the
whole form, cleaning, redaction, near-duplicate grouping, the audit row, then a redirect to the
receipt. The bare view inserts one row with one parameter. Target (issues 7 and 14): >= 50 %.
Near-duplicate grouping and receipts are queued for the task worker when the comment commits
(one task row each), so their work is not in these figures; the worker is not running here.
"""

import argparse
import os
import re
import threading
import urllib.parse
import uuid
from dataclasses import dataclass

from bench._common import (
    BENCH_ENV,
    PG_URL,
    REDIS_URL,
    Result,
    closed_loop,
    ensure_pg_database,
    gunicorn,
    http,
    memory_mib,
    prepare,
    report,
)

ENV = {**BENCH_ENV, "DATABASE_URL": PG_URL, "REDIS_URL": REDIS_URL}
WORDS = (
    "counter wait phone answer permit letter bus library clinic water bill park street "
    "translator form deadline refund office hours online appointment neighbour fair clear"
)


def setup_django() -> None:
    os.environ.update(ENV)
    import django

    django.setup()


def comment_target() -> str:
    """The comment form URL for the first right of the Korean Draft 2."""
    from consultation.models import BillOfRightsDraftPage

    draft = BillOfRightsDraftPage.objects.live().get(
        locale__language_code="ko", url_path__endswith="/draft-2/"
    )
    right = next(block for block in draft.body if block.block_type == "right")
    return f"/ko/comment/{draft.pk}/{right.id}/"


def new_token() -> tuple[str, str]:
    """(signed value for the form, inner token stored with the comment)."""
    from django.core import signing

    from consultation.forms import TOKEN_SALT

    inner = uuid.uuid4().hex
    return signing.dumps(inner, salt=TOKEN_SALT), inner


def comment_text(n: int, marker: str) -> str:
    vocabulary = WORDS.split()
    words = " ".join(vocabulary[(n + i * 7) % len(vocabulary)] for i in range(18))
    return f"Comment {n}: {words}. ref {marker}"


@dataclass
class CommentClient:
    """One resident's browser: a CSRF cookie and the token from the form it rendered."""

    port: int
    path: str
    csrf_cookie: str = ""
    csrf_form: str = ""

    def open_form(self) -> None:
        status, headers, body = http(self.port, "GET", self.path)
        if status != 200:
            raise RuntimeError(f"comment form answered {status}")
        cookie = re.search(r"csrftoken=([^;]+)", headers.get("Set-Cookie", ""))
        form = re.search(rb'name="csrfmiddlewaretoken" value="([^"]+)"', body)
        self.csrf_cookie, self.csrf_form = cookie.group(1), form.group(1).decode()

    def post(self, text: str, signed_token: str, timeout: float = 30) -> tuple[int, str]:
        body = urllib.parse.urlencode(
            {
                "csrfmiddlewaretoken": self.csrf_form,
                "text": text,
                "stance": "agree",
                "language": "en",
                "name": "",
                "email": "",
                "district": "",
                "website": "",
                "form_token": signed_token,
            }
        ).encode()
        status, headers, _body = http(
            self.port,
            "POST",
            self.path,
            body=body,
            headers={
                "Content-Type": "application/x-www-form-urlencoded",
                "Cookie": f"csrftoken={self.csrf_cookie}",
            },
            timeout=timeout,
        )
        return status, headers.get("Location", "")


def ensure_bare_table() -> None:
    from django.db import connection

    with connection.cursor() as cursor:
        cursor.execute(
            "CREATE TABLE IF NOT EXISTS bench_bare_insert ("
            " id bigserial PRIMARY KEY, body text NOT NULL,"
            " created_at timestamptz NOT NULL DEFAULT now())"
        )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--seconds", type=float, default=10.0)
    parser.add_argument("--rounds", type=int, default=2)
    parser.add_argument("--clients", type=int, default=8)
    parser.add_argument("--workers", type=int, default=None)
    parser.add_argument(
        "--reuse", action="store_true", help="skip migrate/seed/collectstatic (database ready)"
    )
    args = parser.parse_args()

    ensure_pg_database()
    if not args.reuse:
        prepare(ENV)
    setup_django()
    ensure_bare_table()
    path = comment_target()
    with gunicorn(ENV, workers=args.workers) as server:
        local = threading.local()

        def client() -> CommentClient:
            if not hasattr(local, "client"):
                local.client = CommentClient(server.port, path)
                local.client.open_form()
            return local.client

        def comment(i: int) -> int:
            signed, inner = new_token()
            status, location = client().post(comment_text(i, inner), signed)
            return status if status == 302 and "code=" in location else 500 + status % 100

        def bare(i: int) -> int:
            body = urllib.parse.urlencode({"text": comment_text(i, uuid.uuid4().hex)}).encode()
            return http(
                server.port,
                "POST",
                "/bench/insert",
                body=body,
                headers={"Content-Type": "application/x-www-form-urlencoded"},
            )[0]

        for request in (bare, comment):  # warm up
            closed_loop(request, clients=args.clients, seconds=2, max_requests=200)
        totals = {"bare": Result(), "comment": Result()}
        for _round in range(args.rounds):
            for name, request in (("bare", bare), ("comment", comment)):
                phase = closed_loop(
                    request, clients=args.clients, seconds=args.seconds, max_requests=100_000
                )
                total = totals[name]
                total.latencies += phase.latencies
                total.errors += phase.errors
                total.seconds += phase.seconds
                for status, count in phase.statuses.items():
                    total.statuses[status] = total.statuses.get(status, 0) + count
        workers = {pid: memory_mib(pid) for pid in server.worker_pids()}
    bare_summary, comment_summary = totals["bare"].summary(), totals["comment"].summary()
    report(
        "comments",
        {
            "clients": args.clients,
            "seconds_per_phase": args.seconds,
            "rounds": args.rounds,
            "bare_insert": bare_summary,
            "comment_post": {"path": path, **comment_summary},
            "ratio_rps": round(comment_summary["rps"] / bare_summary["rps"], 3)
            if bare_summary["rps"]
            else None,
            "worker_memory_after_load": workers,
            "targets": {"ratio_rps": 0.5, "worker_rss_mib": 130},
        },
    )


if __name__ == "__main__":
    main()
