"""A statement vote stored and acknowledged, under 8 residents voting at once, PostgreSQL.

    .venv/bin/python -m bench.votes [--seconds 10] [--rounds 2] [--clients 8]

Each client is one browser on the Korean statements page of the demo: its own CSRF cookie and,
after the first vote, its own participant cookie. A request is the real POST (CSRF check, rate
limit, statement lookup, participant lookup, insert-or-update of the vote, the refresh request
for the opinion groups after commit) answered with the redirect to the next statement; the
clients cycle through the statements with changing values, so most votes after the first
round are changes. Target (issue #15): p50 <= 30 ms.
"""

import argparse
import os
import re
import threading
import urllib.parse

from bench._common import (
    BENCH_ENV,
    PG_URL,
    REDIS_URL,
    closed_loop,
    ensure_pg_database,
    gunicorn,
    http,
    memory_mib,
    prepare,
    report,
)

ENV = {**BENCH_ENV, "DATABASE_URL": PG_URL, "REDIS_URL": REDIS_URL}


def setup_django() -> None:
    os.environ.update(ENV)
    import django

    django.setup()


def vote_target() -> tuple[str, list[str]]:
    """The Korean statements page and the keys of the statements open for votes."""
    from consultation.models import ConsultationPage
    from consultation.selectors.statements import statements_to_vote_on

    page = ConsultationPage.objects.live().get(
        locale__language_code="ko", slug="customer-bill-of-rights"
    )
    keys = [s.key for s in statements_to_vote_on(consultation=page, language="ko")]
    return f"/ko/statements/{page.pk}/", keys


class VoteClient:
    """One resident's browser: CSRF cookie and token, then the participant cookie."""

    def __init__(self, port: int, path: str):
        self.port, self.path, self.participant = port, path, ""
        status, headers, body = http(port, "GET", path)
        if status != 200:
            raise RuntimeError(f"statements page answered {status}")
        self.csrf_cookie = re.search(r"csrftoken=([^;]+)", headers.get("Set-Cookie", "")).group(1)
        self.csrf_form = (
            re.search(rb'name="csrfmiddlewaretoken" value="([^"]+)"', body).group(1).decode()
        )

    def vote(self, key: str, value: int) -> int:
        body = urllib.parse.urlencode(
            {"csrfmiddlewaretoken": self.csrf_form, "statement": key, "value": str(value)}
        ).encode()
        cookie = f"csrftoken={self.csrf_cookie}"
        if self.participant:
            cookie += f"; consult_participant={self.participant}"
        status, headers, _body = http(
            self.port,
            "POST",
            self.path,
            body=body,
            headers={"Content-Type": "application/x-www-form-urlencoded", "Cookie": cookie},
        )
        found = re.search(r"consult_participant=([^;]+)", headers.get("Set-Cookie", ""))
        if found:
            self.participant = found.group(1)
        return status if status == 302 and "voted=" in headers.get("Location", "") else 599


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
    path, keys = vote_target()
    with gunicorn(ENV, workers=args.workers) as server:
        local = threading.local()

        def vote(i: int) -> int:
            if not hasattr(local, "client"):
                local.client = VoteClient(server.port, path)
            return local.client.vote(keys[i % len(keys)], (i // len(keys)) % 3 - 1)

        closed_loop(vote, clients=args.clients, seconds=2, max_requests=200)  # warm up
        results = []
        for _round in range(args.rounds):
            results.append(
                closed_loop(vote, clients=args.clients, seconds=args.seconds, max_requests=10**6)
            )
        workers = {pid: memory_mib(pid) for pid in server.worker_pids()}
    total = results[0]
    for extra in results[1:]:
        total.latencies += extra.latencies
        total.errors += extra.errors
        total.seconds += extra.seconds
        for status, count in extra.statuses.items():
            total.statuses[status] = total.statuses.get(status, 0) + count
    report(
        "votes",
        {
            "clients": args.clients,
            "seconds_per_phase": args.seconds,
            "rounds": args.rounds,
            "statements": len(keys),
            "vote_post": {"path": path, **total.summary()},
            "target_p50_ms": 30,
            "worker_memory_after_load": workers,
        },
    )


if __name__ == "__main__":
    main()
