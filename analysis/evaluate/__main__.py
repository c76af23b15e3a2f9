"""``python -m analysis.evaluate TASK [TASK ...] [--json]``

Tasks: sib200, crosslingual, pooled, argkp, banking77, polis; ``calibrate`` fits the shipped
calibrators on ArgKP's train split and prints them. Every task reports one row per named system
(``systems.py``): plain TF-IDF where the task has a standard floor, the engine with words only,
and the engine as shipped. Needs ``../shared/data`` (or ``$CONSULT_SHARED_DATA``); sentence
vectors are cached under ~/.cache/consult-eval (``$CONSULT_EVAL_CACHE``).
"""

from __future__ import annotations

import argparse
import json

TASKS = ("sib200", "crosslingual", "pooled", "argkp", "banking77", "polis", "calibrate")


def _run(task: str):
    if task in ("sib200", "crosslingual", "pooled"):
        from . import sib200

        return sib200.run(task), sib200.report
    if task == "argkp":
        from . import argkp

        return argkp.run(), argkp.report
    if task == "calibrate":
        from . import argkp

        return argkp.calibrate(), lambda out: json.dumps(out, indent=2)
    if task == "banking77":
        from . import banking77

        return banking77.run(), banking77.report
    from . import polis

    return polis.run(), polis.report


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(prog="python -m analysis.evaluate")
    parser.add_argument("tasks", nargs="+", choices=TASKS)
    parser.add_argument("--json", action="store_true", help="print raw figures as JSON too")
    args = parser.parse_args(argv)
    for task in args.tasks:
        out, report = _run(task)
        print(report(out), flush=True)
        if args.json:
            print(json.dumps(out, indent=2, default=str))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
