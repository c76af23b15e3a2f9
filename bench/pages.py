"""Translated draft page vs a bare Django view on the same gunicorn (PostgreSQL + Redis).

    .venv/bin/python -m bench.pages [--seconds 10] [--rounds 2] [--clients 8]

Phases alternate (bare, page, form, bare, page, form ...) so all see the same machine state;
the result is requests/s, p50/p99 latency, each page's ratio to the bare view, and each worker's
memory after the load. The comment form carries a one-time token, so no cache ever serves it.
Targets (issue 14, page cache off): draft page and comment form >= 0.15 of the bare view,
draft page p99 <= 50 ms, <= 130 MB per worker. With the page cache on (issue 7): >= 0.5.
"""

import argparse
import os

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

PAGE = "/ko/customer-bill-of-rights/draft-2/"
BARE = "/bench/bare"
TARGETS = {"ratio_rps_cache_off": 0.15, "draft_p99_ms": 50, "worker_rss_mib": 130}


def form_path() -> str:
    """The comment form of the first right of the Korean Draft 2 (Django set up here)."""
    from bench.comments import comment_target, setup_django

    setup_django()
    return comment_target()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--seconds", type=float, default=10.0, help="length of each phase")
    parser.add_argument("--rounds", type=int, default=2)
    parser.add_argument("--clients", type=int, default=8)
    parser.add_argument("--workers", type=int, default=None, help="default: config/gunicorn.py")
    parser.add_argument("--page", default=PAGE)
    parser.add_argument(
        "--reuse", action="store_true", help="skip migrate/seed/collectstatic (database ready)"
    )
    args = parser.parse_args()

    env = {**BENCH_ENV, "DATABASE_URL": PG_URL, "REDIS_URL": REDIS_URL}
    ensure_pg_database()
    if not args.reuse:
        prepare(env)
    form = form_path()
    paths = (BARE, args.page, form)
    with gunicorn(env, workers=args.workers) as server:
        for path in paths:
            status, _headers, _body = http(server.port, "GET", path)
            if status != 200:
                raise SystemExit(f"{path} answered {status}")

        def get(path: str):
            return lambda _i: http(server.port, "GET", path)[0]

        for path in paths:  # warm caches, connections and imports
            closed_loop(get(path), clients=args.clients, seconds=2, max_requests=500)
        totals = {path: Result() for path in paths}
        for _round in range(args.rounds):
            for path in paths:
                phase = closed_loop(
                    get(path), clients=args.clients, seconds=args.seconds, max_requests=200_000
                )
                total = totals[path]
                total.latencies += phase.latencies
                total.errors += phase.errors
                total.seconds += phase.seconds
                for status, count in phase.statuses.items():
                    total.statuses[status] = total.statuses.get(status, 0) + count
        workers = {pid: memory_mib(pid) for pid in server.worker_pids()}
    bare, page, comment_form = (totals[path].summary() for path in paths)

    def ratio(summary: dict) -> float | None:
        return round(summary["rps"] / bare["rps"], 3) if bare["rps"] else None

    report(
        "pages",
        {
            "clients": args.clients,
            "seconds_per_phase": args.seconds,
            "rounds": args.rounds,
            "bare_view": bare,
            "draft_page": {"path": args.page, **page},
            "ratio_rps": ratio(page),
            "comment_form": {"path": form, **comment_form},
            "comment_form_ratio_rps": ratio(comment_form),
            "worker_memory_after_load": workers,
            "page_cache_seconds": os.environ.get("PAGE_CACHE_SECONDS", "60 (default)"),
            "targets": TARGETS,
        },
    )


if __name__ == "__main__":
    main()
