"""Benchmark of the analysis engine: full ``run_analysis`` at 10k and 100k comments, and
``ThemeModel.assign`` for one new comment.

Comments are built from public texts in the shared data folder (SIB-200 sentences in the nine
languages, BANKING77 queries, ArgKP arguments, Polis comments): each comment joins one or two
sentences of one language, so texts are mostly unique, plus a few copy-paste campaigns. Each
size runs in its own subprocess so peak memory (ru_maxrss) is that run's alone.

    .venv/bin/python bench/analysis.py --sizes 10000 100000 --embed 1000 --cold 10000

Comments carry stored sentence vectors, as in the product once the worker has embedded them
(``stored_vector``); ``--embed`` measures cold embedding throughput and ``--cold`` a full run
that must embed every comment first.
"""

from __future__ import annotations

import argparse
import json
import os
import random
import resource
import statistics
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from analysis.evaluate.data import read_rows, shared_data_dir  # noqa: E402

SIB = {
    "en": "eng_Latn",
    "ko": "kor_Hang",
    "es": "spa_Latn",
    "zh-hans": "zho_Hans",
    "vi": "vie_Latn",
    "so": "som_Latn",
    "tl": "tgl_Latn",
    "am": "amh_Ethi",
    "ru": "rus_Cyrl",
}


def load_pools() -> dict[str, list[str]]:
    data = shared_data_dir()
    pools: dict[str, list[str]] = {}
    for lang, folder in SIB.items():
        for split in ("train", "dev"):
            rows = read_rows(data / "sib200" / folder / f"{split}.tsv", "\t")
            pools.setdefault(lang, []).extend(r["text"] for r in rows)
    pools["en"] += [r["text"] for r in read_rows(data / "banking77" / "train.csv")]
    for split in ("train", "dev"):
        pools["en"] += [r["argument"] for r in read_rows(data / "argkp" / f"arguments_{split}.csv")]
    return pools


def stored_vector(backend, parts):
    """The vector the app would have stored for a comment made of ``parts``: the sentences'
    cached vectors, averaged. Timing does not depend on the values, and embedding 100k
    comments first would take over an hour on two cores (the cold run is measured apart)."""
    import numpy as np

    vec = np.sum(backend.encode(parts), axis=0)
    return vec / max(float(np.linalg.norm(vec)), 1e-9)


def build_corpus(n: int, seed: int = 0, vectors: bool = True):
    from analysis.engine import TextItem
    from analysis.evaluate.vectors import CachedE5Backend

    rng = random.Random(seed)
    pools = load_pools()
    backend = CachedE5Backend() if vectors else None
    langs = list(SIB)
    weights = [0.36] + [0.08] * 8
    letters = [rng.choice(pools["en"]) + "  " + rng.choice(pools["en"]) for _ in range(5)]
    items = []
    for i in range(n):
        if rng.random() < 0.02:
            text, lang = rng.choice(letters), "en"
            parts = text.split("  ")
        else:
            lang = rng.choices(langs, weights)[0]
            parts = [rng.choice(pools[lang]) for _ in range(rng.choice((1, 2)))]
            text = " ".join(parts)
        items.append(
            TextItem(
                id=str(i),
                text=text,
                declared_language=lang if rng.random() < 0.7 else None,
                stance=rng.choice(["agree", "disagree", "unsure", None]),
                meta={"channel": rng.choice(["web", "phone", "paper"])},
                vector=stored_vector(backend, parts) if backend else None,
            )
        )
    return items


def run_one(n: int, vectors: bool = True) -> dict:
    from analysis.engine import run_analysis

    items = build_corpus(n, vectors=vectors)
    rss_before = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    cpu0 = time.process_time()
    t0 = time.perf_counter()
    result = run_analysis(items)
    wall = time.perf_counter() - t0
    cpu = time.process_time() - cpu0
    peak_kb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    return {
        "n": n,
        "wall_s": round(wall, 2),
        "cpu_s": round(cpu, 2),
        "load_average_1min": round(os.getloadavg()[0], 1),
        "peak_rss_mb": round(peak_kb / 1024, 1),
        "rss_before_run_mb": round(rss_before / 1024, 1),
        "stages_s": result.timings,
        "assignments": len(result.assignments),
        "emergent_themes": len(result.emergent_themes),
        "duplicate_groups": len(result.duplicate_groups),
    }


def run_assign(samples: int = 300) -> dict:
    from analysis.engine import build_theme_model, default_codebook
    from analysis.engine.backends import default_backend

    items = build_corpus(samples + 20, seed=1)
    backend = default_backend()
    model = build_theme_model(default_codebook(), backend=backend)
    if backend is not None:  # "once its vector exists": the worker stored it on arrival
        backend.remember([it.text for it in items], [it.vector for it in items])
    for it in items[:20]:  # load the segmenters and the language detector first
        model.assign(it)
    times = []
    for it in items[20:]:
        t0 = time.perf_counter()
        model.assign(it)
        times.append((time.perf_counter() - t0) * 1000)
    times.sort()
    return {
        "samples": samples,
        "mean_ms": round(statistics.mean(times), 2),
        "p95_ms": round(times[int(0.95 * len(times)) - 1], 2),
        "max_ms": round(times[-1], 2),
    }


def run_embed(n: int) -> dict:
    """Cold embedding throughput: ``n`` comments never seen before, as the worker embeds them."""
    from analysis.engine.backends.e5 import E5Backend

    items = build_corpus(n, seed=2, vectors=False)
    backend = E5Backend()
    backend.embed(["warm up the model"])
    t0 = time.perf_counter()
    backend.embed([it.text for it in items])
    wall = time.perf_counter() - t0
    return {
        "embed_n": n,
        "wall_s": round(wall, 1),
        "comments_per_s": round(n / wall, 1),
        "load_average_1min": round(os.getloadavg()[0], 1),
    }


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--sizes", type=int, nargs="+", default=[10_000, 100_000])
    parser.add_argument("--child", type=int, help=argparse.SUPPRESS)
    parser.add_argument("--assign-child", action="store_true", help=argparse.SUPPRESS)
    parser.add_argument("--embed", type=int, default=1000, help="cold-embed this many comments")
    parser.add_argument("--cold", type=int, default=0, help="also a full run with no vectors")
    parser.add_argument("--cold-child", type=int, help=argparse.SUPPRESS)
    parser.add_argument("--embed-child", type=int, help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.embed_child:
        print(json.dumps(run_embed(args.embed_child)))
        return 0
    if args.cold_child:
        print(json.dumps(run_one(args.cold_child, vectors=False)))
        return 0
    if args.child:
        print(json.dumps(run_one(args.child)))
        return 0
    if args.assign_child:
        print(json.dumps(run_assign()))
        return 0
    results = []
    for n in args.sizes:
        out = subprocess.run(
            [sys.executable, __file__, "--child", str(n)], capture_output=True, text=True
        )
        if out.returncode:
            sys.stderr.write(out.stderr)
            return out.returncode
        results.append(json.loads(out.stdout.strip().splitlines()[-1]))
        print(json.dumps(results[-1]), flush=True)
    for flag, value in (("--embed-child", args.embed), ("--cold-child", args.cold)):
        if value:
            out = subprocess.run(
                [sys.executable, __file__, flag, str(value)], capture_output=True, text=True
            )
            print(json.dumps({flag[2:-6]: json.loads(out.stdout.strip().splitlines()[-1])}))
    out = subprocess.run(
        [sys.executable, __file__, "--assign-child"], capture_output=True, text=True
    )
    assign = json.loads(out.stdout.strip().splitlines()[-1])
    print(json.dumps({"assign": assign}))
    if len(results) >= 2:
        ratio = results[-1]["wall_s"] / results[0]["wall_s"]
        print(f"scaling {results[0]['n']} -> {results[-1]['n']}: {ratio:.1f}x wall time")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
