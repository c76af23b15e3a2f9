"""Hostile imports: how long a worker is held, and how much memory it takes, to refuse a small
XLSX or CSV file with far more rows than the 5,000 the import accepts.

The hostile pass found a 509 KB XLSX of 200,000 rows holding a worker for 73 s (and a 477 KB
one peaking at 275 MB) because every row was read before the limit was checked. Reading now
streams and stops at the limit. Run on the test settings (SQLite, nothing outside loopback):

    DJANGO_SETTINGS_MODULE=config.settings.test .venv/bin/python -m bench.imports [--rows N]
"""

import argparse
import io
import json
import resource
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

COLUMNS = ["channel", "received_on", "right", "language", "stance", "text", "taken_by"]
# Quieter output: only the result is printed.
LOGGING_OFF = {"version": 1, "disable_existing_loggers": True}


def hostile_xlsx(rows: int) -> bytes:
    from openpyxl import Workbook

    workbook = Workbook(write_only=True)
    sheet = workbook.create_sheet()
    sheet.append([*COLUMNS, "text_form"])
    row = ["phone", "2025-01-10", "1", "en", "", "x", "Staff", "verbatim"]
    for _number in range(rows):
        sheet.append(row)  # identical rows compress to a few bytes each, as in the finding
    out = io.BytesIO()
    workbook.save(out)
    return out.getvalue()


def hostile_csv(rows: int) -> bytes:
    lines = [",".join([*COLUMNS, "text_form"])]
    lines += ["mail,2025-01-10,1,en,,x,S,verbatim"] * rows
    return "\n".join(lines).encode()


class Upload(io.BytesIO):
    def __init__(self, content: bytes, name: str):
        super().__init__(content)
        self.name, self.size = name, len(content)


def measure(content: bytes, name: str, draft, case: str = "") -> dict:
    from consultation.intake.importer import parse_upload

    before = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    started = time.perf_counter()
    parsed = parse_upload(Upload(content, name), draft)
    seconds = time.perf_counter() - started
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    return {
        "case": case or name,
        "kilobytes": round(len(content) / 1024),
        "seconds": round(seconds, 2),
        "peak_rss_growth_mb": round((peak - before) / 1024, 1),
        "refused_with": str(parsed.file_error),
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--rows", type=int, default=200_000)
    args = parser.parse_args()
    import django
    from django.conf import settings

    django.setup()
    settings.LOGGING = LOGGING_OFF
    import logging

    logging.disable(logging.CRITICAL)
    from django.test.utils import setup_test_environment

    setup_test_environment()
    from django.test.utils import get_runner

    from consultation.demo import seed_demo

    runner = get_runner(__import__("django.conf").conf.settings)(verbosity=0)
    old = runner.setup_databases()
    try:
        draft = seed_demo()["drafts"][0]
        results = [
            measure(hostile_xlsx(args.rows), "a.xlsx", draft, f"{args.rows} rows, XLSX"),
            measure(hostile_xlsx(55_000), "b.xlsx", draft, "55,000 rows, XLSX under the limits"),
            measure(hostile_csv(140_000), "c.csv", draft, "140,000 rows, CSV just under 5 MB"),
            measure(hostile_xlsx(5_000), "d.xlsx", draft, "5,000 rows: a full legitimate file"),
        ]
    finally:
        runner.teardown_databases(old)
    print(json.dumps({"results": results}, indent=2))


if __name__ == "__main__":
    main()
