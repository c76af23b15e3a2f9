"""No comment lost, none stored twice, while a worker is killed and PostgreSQL restarts.

    .venv/bin/python -m bench.durability [--clients 50] [--comments 200]

50 concurrent residents each send 200 comments to gunicorn on PostgreSQL + Redis. When a
quarter of the comments are in, one gunicorn worker is killed with SIGKILL; at 55 % PostgreSQL
is restarted (pg_ctlcluster, needs root and a local cluster). A resident whose request fails
(connection reset, 5xx) sends the same form again (same one-time token, same text) until it is
accepted. Afterwards every accepted comment must be in the database exactly once and no retry
may have stored a second copy. Bounded: --deadline seconds overall, --retries per comment.
"""

import argparse
import http.client
import os
import signal
import subprocess
import threading
import time
import uuid
from collections import Counter
from pathlib import Path

from bench._common import ensure_pg_database, gunicorn, prepare, report
from bench.comments import ENV, CommentClient, comment_target, new_token, setup_django


def postgres_restart() -> str:
    version = sorted(p.name for p in Path("/etc/postgresql").iterdir())[-1]
    started = time.monotonic()
    subprocess.run(
        ["pg_ctlcluster", "--skip-systemctl-redirect", version, "main", "restart", "-m", "fast"],
        check=True,
        timeout=120,
    )
    return f"PostgreSQL {version} restarted in {time.monotonic() - started:.1f} s"


def main() -> None:  # noqa: C901 - one linear scenario reads best in one place
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--clients", type=int, default=50)
    parser.add_argument("--comments", type=int, default=200, help="per client")
    parser.add_argument("--retries", type=int, default=60, help="per comment")
    parser.add_argument("--deadline", type=float, default=1500.0, help="seconds, whole run")
    parser.add_argument("--workers", type=int, default=None)
    parser.add_argument(
        "--reuse", action="store_true", help="skip migrate/seed/collectstatic (database ready)"
    )
    args = parser.parse_args()

    ensure_pg_database()
    if not args.reuse:
        prepare(ENV)
    setup_django()
    from consultation.models import Comment

    path = comment_target()
    run_id = uuid.uuid4().hex[:12]
    total = args.clients * args.comments
    accepted: dict[str, str] = {}  # inner token -> reference in the redirect
    gave_up: list[str] = []
    failures: Counter = Counter()
    faults: list[str] = []
    lock = threading.Lock()
    deadline = time.monotonic() + args.deadline

    with gunicorn(ENV, workers=args.workers) as server:

        def resident(number: int) -> None:
            client = CommentClient(server.port, path)
            for i in range(args.comments):
                signed, inner = new_token()
                text = f"Durability run {run_id} client {number} comment {i} ref {inner}"
                for attempt in range(args.retries):
                    if time.monotonic() > deadline:
                        with lock:
                            gave_up.append(inner)
                        return
                    try:
                        if not client.csrf_cookie:
                            client.open_form()
                        status, location = client.post(text, signed)
                    except (OSError, http.client.HTTPException, RuntimeError) as error:
                        with lock:
                            failures[type(error).__name__] += 1
                        time.sleep(min(2.0, 0.2 * (attempt + 1)))
                        continue
                    if status == 302 and "code=" in location:
                        with lock:
                            accepted[inner] = location.split("code=")[1].split("&")[0]
                        break
                    with lock:
                        failures[f"HTTP {status}"] += 1
                    if status == 403:
                        client.csrf_cookie = ""
                    time.sleep(min(2.0, 0.2 * (attempt + 1)))
                else:
                    with lock:
                        gave_up.append(inner)

        def saboteur() -> None:
            stages = [(0.25, "kill"), (0.55, "restart")]
            for share, action in stages:
                while time.monotonic() < deadline:
                    with lock:
                        done = len(accepted)
                    if done >= share * total:
                        break
                    time.sleep(0.2)
                else:
                    return
                if action == "kill":
                    victim = server.worker_pids()[0]
                    os.kill(victim, signal.SIGKILL)
                    faults.append(f"SIGKILL gunicorn worker {victim} after {done} comments")
                else:
                    faults.append(f"{postgres_restart()} after {done} comments")

        started = time.monotonic()
        threads = [threading.Thread(target=resident, args=(n,)) for n in range(args.clients)]
        threads.append(threading.Thread(target=saboteur))
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join()
        elapsed = time.monotonic() - started

    from django.db import connections

    connections.close_all()  # this process's own connection died with the restart
    stored = Counter(
        text.rsplit("ref ", 1)[1]
        for text in Comment.objects.filter(text__contains=f"Durability run {run_id} ").values_list(
            "text", flat=True
        )
    )
    lost = [token for token in accepted if stored[token] == 0]
    duplicated = {token: n for token, n in stored.items() if n > 1}
    references = Counter(accepted.values())
    report(
        "durability",
        {
            "run_id": run_id,
            "clients": args.clients,
            "comments_per_client": args.comments,
            "seconds": round(elapsed, 1),
            "faults": faults,
            "accepted": len(accepted),
            "stored_rows": sum(stored.values()),
            "lost": len(lost),
            "duplicated": len(duplicated),
            "same_reference_twice": sum(1 for n in references.values() if n > 1),
            "failed_attempts_retried": dict(failures),
            "gave_up": len(gave_up),
            "gave_up_but_stored_once": sum(1 for t in gave_up if stored[t] == 1),
            "accepted_per_s": round(len(accepted) / elapsed, 1),
        },
    )
    if lost or duplicated or len(accepted) != total:
        raise SystemExit(1)


if __name__ == "__main__":
    main()
