"""The SQLite default under concurrent writes: 20 processes write at once and none may fail
with "database is locked" (WAL, a busy timeout and IMMEDIATE transactions, config/settings).

    .venv/bin/python -m bench.sqlite_writers [--writers 20] [--transactions 100]

Each transaction reads then writes (the pattern that deadlocks SQLite's default DEFERRED mode):
count the rows, then insert one session row. Runs on a fresh database in a temporary folder.
"""

import argparse
import multiprocessing
import os
import tempfile
import time
from pathlib import Path

from bench._common import manage, report

SETTINGS = "config.settings.dev"


def writer(args: tuple) -> None:
    number, transactions, database_url, results, ready, go = args
    os.environ.update({"DJANGO_SETTINGS_MODULE": SETTINGS, "DATABASE_URL": database_url})
    import django

    django.setup()
    from django.contrib.sessions.models import Session
    from django.db import OperationalError, transaction
    from django.utils import timezone

    Session.objects.exists()  # connect before the clock starts
    ready.put(number)
    go.wait(timeout=600)
    errors: list[str] = []
    waits: list[float] = []
    for i in range(transactions):
        started = time.perf_counter()
        try:
            with transaction.atomic():
                Session.objects.count()
                Session.objects.create(
                    session_key=f"w{number:02d}-{i:05d}".ljust(32, "x"),
                    session_data="bench",
                    expire_date=timezone.now(),
                )
        except OperationalError as error:
            errors.append(str(error))
        waits.append(time.perf_counter() - started)
    results.put((number, errors, waits, time.perf_counter()))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--writers", type=int, default=20)
    parser.add_argument("--transactions", type=int, default=100, help="per writer")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix="bench-sqlite-") as folder:
        database_url = f"sqlite:///{Path(folder) / 'bench.sqlite3'}"
        env = {"DJANGO_SETTINGS_MODULE": SETTINGS, "DATABASE_URL": database_url}
        manage("migrate", "--no-input", "-v0", env=env)
        results: multiprocessing.Queue = multiprocessing.Queue()
        ready: multiprocessing.Queue = multiprocessing.Queue()
        go = multiprocessing.Event()
        processes = [
            multiprocessing.Process(
                target=writer, args=((n, args.transactions, database_url, results, ready, go),)
            )
            for n in range(args.writers)
        ]
        for process in processes:
            process.start()
        for _process in processes:
            ready.get(timeout=600)
        started = time.perf_counter()
        go.set()
        collected = [results.get(timeout=600) for _ in processes]
        for process in processes:
            process.join(timeout=60)
        elapsed = max(finished for *_rest, finished in collected) - started
        errors = [e for _n, errs, _w, _f in collected for e in errs]
        waits = sorted(w for _n, _e, ws, _f in collected for w in ws)
        report(
            "sqlite_writers",
            {
                "writers": args.writers,
                "transactions_per_writer": args.transactions,
                "committed": len(waits) - len(errors),
                "errors": len(errors),
                "database_is_locked": sum("database is locked" in e for e in errors),
                "first_errors": errors[:3],
                "seconds": round(elapsed, 2),
                "transactions_per_s": round((len(waits) - len(errors)) / elapsed, 1),
                "p50_ms": round(waits[len(waits) // 2] * 1000, 1),
                "p99_ms": round(waits[int(len(waits) * 0.99)] * 1000, 1),
                "max_ms": round(waits[-1] * 1000, 1),
            },
        )
        if errors:
            raise SystemExit(1)


if __name__ == "__main__":
    main()
