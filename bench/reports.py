"""Benchmark of theme reports at 10k and 100k comments: report page response time (figures
precomputed per run and stored), a filtered report, and full CSV and XLSX exports.

Rows are generated directly (AnalysisItem, Theme, ThemeAssignment: about 1.7 themes per
comment, a few analyst corrections) into a fresh SQLite database per size, then the real views
are requested through Django's test client as an analyst.

    .venv/bin/python bench/reports.py --sizes 10000 100000
"""

from __future__ import annotations

import argparse
import os
import random
import statistics
import sys
import tempfile
import time
from datetime import UTC, datetime, timedelta
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

LANGS = ("en", "ko", "es", "zh-hans", "vi", "so", "tl", "am", "ru")
CHANNELS = ("web", "phone", "mail", "meeting", "email")
DISTRICTS = tuple(f"district-{n}" for n in range(1, 8))
STANCES = ("agree", "disagree", "unsure", "")
WORDS = [
    "call",
    "wait",
    "number",
    "city",
    "help",
    "service",
    "staff",
    "form",
    "online",
    "language",
    "interpreter",
    "reply",
]


def setup(db_path: str) -> None:
    os.environ["DATABASE_URL"] = f"sqlite:///{db_path}"
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings.test")
    import django

    django.setup()
    from django.core.management import call_command

    call_command("migrate", verbosity=0)
    from consultation.demo import seed_demo

    seed_demo()


def build(n: int, seed: int = 0):
    from django.contrib.contenttypes.models import ContentType
    from django.utils import timezone

    from analysis.models import AnalysisItem, AnalysisRun, Theme, ThemeAssignment
    from consultation.demo import right_block_id
    from consultation.models import ConsultationPage

    rng = random.Random(seed)
    consultation = ConsultationPage.objects.get(
        slug="customer-bill-of-rights", locale__language_code="en"
    )
    content_type = ContentType.objects.get_by_natural_key("auth", "user")
    run = AnalysisRun.objects.create(
        consultation=consultation,
        status=AnalysisRun.Status.SUCCEEDED,
        finished_at=timezone.now(),
        approved_at=timezone.now(),
        engine_version="bench",
        totals={"items": n},
    )
    themes = Theme.objects.bulk_create(
        [
            Theme(
                run=run,
                key=f"theme-{i}",
                slug=f"theme-{i}",
                name=f"Theme {i}",
                machine_name=f"Theme {i}",
                kind="codebook" if i < 14 else "emergent",
                state="approved" if i < 14 else "proposed",
            )
            for i in range(24)
        ]
    )
    rights = [right_block_id(k) for k in ("one-number", "timely-reply", "your-language", "")] + [""]
    start = datetime(2026, 1, 5, tzinfo=UTC)
    items, rows = [], []
    for index in range(n):
        oid = index + 1
        items.append(
            AnalysisItem(
                run=run,
                content_type_id=content_type.pk,
                object_id=oid,
                ref=f"{content_type.pk}:{oid}:",
                language=rng.choice(LANGS),
                channel=rng.choice(CHANNELS),
                district=rng.choice(DISTRICTS),
                stance=rng.choice(STANCES),
                right_key=rng.choice(rights),
                created=start + timedelta(minutes=rng.randrange(60 * 24 * 70)),
                text=" ".join(rng.choice(WORDS) for _ in range(rng.randint(8, 40))),
            )
        )
        for theme in rng.sample(themes, rng.choice((0, 1, 2, 2, 3))):
            rows.append(
                ThemeAssignment(
                    tag=theme,
                    run=run,
                    content_type_id=content_type.pk,
                    object_id=oid,
                    source="machine",
                    confidence=round(rng.random(), 3),
                    why=["word"],
                )
            )
    AnalysisItem.objects.bulk_create(items, batch_size=5000)
    ThemeAssignment.objects.bulk_create(rows, batch_size=5000)
    analyst = [
        ThemeAssignment(
            tag=rng.choice(themes),
            run=run,
            content_type_id=content_type.pk,
            object_id=rng.randint(1, n),
            source="analyst",
            decision=rng.choice(("added", "rejected", "confirmed")),
        )
        for _ in range(max(10, n // 1000))
    ]
    ThemeAssignment.objects.bulk_create(analyst)
    return run, len(rows)


def timed(fn) -> float:
    started = time.perf_counter()
    fn()
    return time.perf_counter() - started


def measure(n: int, repeats: int) -> dict:
    from django.contrib.auth import get_user_model
    from django.test import Client
    from django.urls import reverse

    from analysis.services.snapshots import snapshot_refresh

    started = time.perf_counter()
    run, assignments = build(n)
    build_seconds = time.perf_counter() - started
    snapshot_seconds = timed(lambda: snapshot_refresh(run_id=run.pk))
    user = get_user_model().objects.create_superuser("bench", "bench@example.org", "pw")
    client = Client()
    client.force_login(user)
    url = reverse("analysis_report", args=[run.pk])
    assert client.get(url).status_code == 200
    report = [timed(lambda: client.get(url)) for _ in range(repeats)]
    filtered_url = f"{url}?language=ko&channel=phone"
    filtered_first = timed(lambda: client.get(filtered_url))
    filtered = [timed(lambda: client.get(filtered_url)) for _ in range(repeats)]

    def csv_export():
        response = client.get(reverse("analysis_export_csv", args=[run.pk]))
        size = sum(len(chunk) for chunk in response.streaming_content)
        assert size > n * 20

    def xlsx_export():
        response = client.get(reverse("analysis_export_xlsx", args=[run.pk]))
        size = sum(len(chunk) for chunk in response.streaming_content)
        assert size > n

    return {
        "comments": n,
        "assignments": assignments,
        "build_s": round(build_seconds, 1),
        "snapshot_s": round(snapshot_seconds, 2),
        "report_median_ms": round(1000 * statistics.median(report), 1),
        "report_p90_ms": round(1000 * sorted(report)[int(0.9 * (len(report) - 1))], 1),
        "filtered_first_ms": round(1000 * filtered_first, 1),
        "filtered_cached_median_ms": round(1000 * statistics.median(filtered), 1),
        "csv_s": round(timed(csv_export), 2),
        "xlsx_s": round(timed(xlsx_export), 2),
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--sizes", type=int, nargs="+", default=[10000, 100000])
    parser.add_argument("--repeats", type=int, default=15)
    parser.add_argument("--size", type=int, help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.size:
        with tempfile.TemporaryDirectory() as folder:
            setup(str(Path(folder) / "bench.sqlite3"))
            print(measure(args.size, args.repeats), flush=True)
        return
    import subprocess

    for size in args.sizes:
        subprocess.run(
            [sys.executable, __file__, "--size", str(size), "--repeats", str(args.repeats)],
            check=True,
        )


if __name__ == "__main__":
    main()
