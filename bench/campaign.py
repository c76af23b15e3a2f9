"""A mass campaign: 100,000 comments in PostgreSQL, then the screens that get slow at that size.

    .venv/bin/python -m bench.campaign [--comments 100000] [--samples 15] [--reuse]

The comments are written with COPY (not through the POST path, which bench.comments measures):
one draft, spread over its rights and nine languages, a quarter of them edited copies of four
form letters (grouped, as the grouping task would leave them), 30 % awaiting moderation, 60 %
published, 10 % rejected, each with its first decision row. Every request then goes through
Django with the production settings and the page cache off (Django's test client in this
process, so the figures are the server's time without the network): the moderation queue
(unfiltered, the default "awaiting" view, a language + duplicate filter; first and last page),
publishing 500 comments with the queue's bulk action, the public list of one right (first and
last page), the status page and the full CSV export. Targets (issue 14): queue p50 <= 150 ms on
any page and filter, bulk approve of 500 <= 3 s, public list p50 <= 100 ms.
"""

import argparse
import os
import random
import statistics
import time

from bench._common import BENCH_ENV, PG_URL, REDIS_URL, ensure_pg_database, prepare, report

ENV = {**BENCH_ENV, "DATABASE_URL": PG_URL, "REDIS_URL": REDIS_URL, "PAGE_CACHE_SECONDS": "0"}
MARK = "bench-campaign"  # client_hash of every generated comment, so a rerun can replace them
LANGUAGES = ["en", "ko", "es", "zh-hans", "vi", "so", "tl", "am", "ru"]
FORM_LETTERS = [
    "I support the Customer Bill of Rights. Every resident deserves an answer from the City "
    "within two working days, in their own language, and I ask the Council to adopt it now.",
    "Please add a right to a human on the phone. Automated menus leave older residents and "
    "people who speak other languages without help, and the bill should say so plainly.",
    "The bill must promise interpreters at every counter. My family waited three hours for "
    "a permit because nobody could explain the form, and this should never happen again.",
    "I oppose closing the service counters on Saturdays. Working people cannot visit during "
    "the week, and the bill of rights should protect weekend opening hours for everyone.",
]
WORDS = (  # noqa: SIM905 - a sentence of words reads better than a column of them
    "counter wait phone answer permit letter bus library clinic water bill park street "
    "translator form deadline refund office hours online appointment neighbour fair clear "
    "queue staff email week month rent repair noise light school"
).split()


def setup_django() -> None:
    os.environ.update(ENV)
    import django

    django.setup()


def _edited(letter: str, rng: random.Random) -> str:
    """A form letter as residents send it: a greeting, a word changed, a signature."""
    words = letter.split()
    words[rng.randrange(len(words))] = rng.choice(WORDS)
    greeting = rng.choice(["", "Hello. ", "Dear Council, ", "Hi, "])
    return f"{greeting}{' '.join(words)} {rng.choice(['', 'Thank you.', 'Regards.'])}".strip()


def _own_words(n: int, rng: random.Random) -> str:
    return f"Comment {n}: " + " ".join(rng.choice(WORDS) for _ in range(rng.randint(12, 40)))


def _rows(count: int, draft, right_keys: list[str]):
    """Tab-separated COPY rows for comments and their first decisions."""
    from participation.duplicates import fingerprint
    from participation.references import new_reference

    rng = random.Random(14)
    start = time.time() - 86_400
    letter_prints = [fingerprint(letter) for letter in FORM_LETTERS]
    consultation_key = draft.get_parent().translation_key
    for n in range(count):
        campaign = n % 4 == 0
        letter = n % len(FORM_LETTERS)
        text = _edited(FORM_LETTERS[letter], rng) if campaign else _own_words(n, rng)
        roll = rng.random()
        status = "published" if roll < 0.6 else "awaiting_moderation" if roll < 0.9 else "rejected"
        received = start + n * 86_400 / count
        published = received + 3600 if status == "published" else None
        yield {
            "reference": new_reference(),
            "consultation_key": consultation_key,
            "draft_key": draft.translation_key,
            "draft_id": draft.pk,
            "right_key": rng.choice(right_keys),
            "language": rng.choice(LANGUAGES),
            "text": text,
            "stance": rng.choice(["agree", "disagree", "unsure", "none"]),
            "status": status,
            "rejection_reason": "spam" if status == "rejected" else "",
            "fingerprint": fingerprint(text),
            "duplicate_group": letter_prints[letter] if campaign else "",
            "received": received,
            "published": published,
        }


def _ts(seconds: float | None) -> str:
    from datetime import UTC, datetime

    return "\\N" if seconds is None else datetime.fromtimestamp(seconds, UTC).isoformat()


def _copy(connection, table: str, columns: list[str], lines: list[str]) -> None:
    with connection.cursor() as cursor:
        raw = cursor.cursor
        with raw.copy(f"COPY {table} ({', '.join(columns)}) FROM STDIN") as copy:
            copy.write("".join(lines))


COMMENT_COLUMNS = [
    "reference", "consultation_key", "draft_key", "draft_id", "right_key", "language", "text",
    "redacted_text", "redaction_spans", "redaction_state", "stance", "purpose", "channel",
    "status", "rejection_reason", "name", "email", "district", "consent_contact",
    "consent_show_name", "fingerprint", "duplicate_group", "text_cleaned", "client_hash",
    "received_at", "created_at", "published_at",
]  # fmt: skip


def fill(count: int, draft, right_keys: list[str]) -> float:
    """Replace earlier generated comments with `count` new ones; returns seconds taken."""
    from django.db import connection, transaction

    from consultation.models import Comment

    started = time.perf_counter()
    with transaction.atomic():
        Comment.objects.filter(client_hash=MARK).delete()
        lines = []
        for row in _rows(count, draft, right_keys):
            values = [
                row["reference"], str(row["consultation_key"]), str(row["draft_key"]),
                str(row["draft_id"]), row["right_key"], row["language"],
                row["text"].replace("\\", "\\\\").replace("\t", " ").replace("\n", " "),
                "", "[]", "none", row["stance"], "comment", "web", row["status"],
                row["rejection_reason"], "", "", "", "f", "f", row["fingerprint"],
                row["duplicate_group"], "f", MARK, _ts(row["received"]), _ts(row["received"]),
                _ts(row["published"]),
            ]  # fmt: skip
            lines.append("\t".join(values) + "\n")
        _copy(connection, "consultation_comment", COMMENT_COLUMNS, lines)
        with connection.cursor() as cursor:
            cursor.execute(
                "INSERT INTO consultation_moderationdecision"
                " (comment_id, action, from_status, to_status, reason, note, decided_at)"
                " SELECT id, CASE WHEN status = 'published' THEN 'auto_publish' ELSE 'hold' END,"
                " 'received', CASE WHEN status = 'published' THEN 'published'"
                " ELSE 'awaiting_moderation' END, '', '', received_at"
                " FROM consultation_comment WHERE client_hash = %s",
                [MARK],
            )
    with connection.cursor() as cursor:
        # What autovacuum does soon after a bulk load: statistics and the visibility map that
        # lets counts and key lookups read only the index.
        cursor.execute("VACUUM ANALYZE consultation_comment")
        cursor.execute("VACUUM ANALYZE consultation_moderationdecision")
    return time.perf_counter() - started


def timed(client, path: str, samples: int) -> dict:
    """p50 and max of `samples` GETs after one warm-up; fails loudly on an error status."""
    response = client.get(path)
    if response.status_code != 200:
        raise SystemExit(f"{path} answered {response.status_code}")
    latencies = []
    for _ in range(samples):
        started = time.perf_counter()
        response = client.get(path)
        if response.streaming:
            b"".join(response.streaming_content)
        latencies.append(time.perf_counter() - started)
    return {
        "path": path,
        "p50_ms": round(statistics.median(latencies) * 1000, 1),
        "max_ms": round(max(latencies) * 1000, 1),
        "load_1min": os.getloadavg()[0],
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--comments", type=int, default=100_000)
    parser.add_argument("--samples", type=int, default=15)
    parser.add_argument(
        "--reuse", action="store_true", help="keep the database and comments of the last run"
    )
    args = parser.parse_args()
    ensure_pg_database()
    if not args.reuse:
        prepare(ENV)
    setup_django()
    from bench._campaign_steps import run_steps

    report("campaign", run_steps(args, fill=fill, timed=timed))


if __name__ == "__main__":
    main()
