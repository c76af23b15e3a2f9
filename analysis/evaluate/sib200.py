"""SIB-200 topic classification per language, through the product's learned-classifier path.

The seven topics are the codebook, the train split is the analysts' coding, and dev accuracy is
the share of dev sentences whose top-scoring theme is the gold topic.
"""

from __future__ import annotations

import time

import numpy as np

from analysis.engine import CodebookTheme, CodedExample, TextItem, build_theme_model
from analysis.engine.backends import load_backend

from .data import read_rows, shared_data_dir

FOLDERS = {
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
TARGET = 0.80


def evaluate_language(lang: str, backend: str | None) -> float:
    root = shared_data_dir() / "sib200" / FOLDERS[lang]
    train = read_rows(root / "train.tsv", "\t")
    dev = read_rows(root / "dev.tsv", "\t")
    topics = [t.strip() for t in (root / "labels.txt").read_text().splitlines() if t.strip()]
    codebook = [CodebookTheme(t, t, "", {}) for t in topics]
    coded = [
        CodedExample(TextItem(f"train-{i}", r["text"], lang), (r["category"],))
        for i, r in enumerate(train)
    ]
    model = build_theme_model(codebook, coded, backend=backend)
    texts = [r["text"] for r in dev]
    scores = model.scores(texts, [lang] * len(texts))
    predicted = [model.keys[int(j)] for j in np.argmax(scores, axis=1)]
    return float(np.mean([p == r["category"] for p, r in zip(predicted, dev, strict=True)]))


def run(backend: str | None = None, languages=tuple(FOLDERS)) -> dict:
    t0 = time.perf_counter()
    name = backend or "hashing"
    backend = load_backend(backend) if backend else None
    acc = {lang: evaluate_language(lang, backend) for lang in languages}
    return {"backend": name, "accuracy": acc, "seconds": time.perf_counter() - t0}


def report(out: dict) -> str:
    lines = [f"SIB-200 dev accuracy, backend={out['backend']} ({out['seconds']:.0f} s)"]
    for lang, acc in out["accuracy"].items():
        flag = "ok" if acc >= TARGET else f"below target by {TARGET - acc:.3f}"
        lines.append(f"  {lang:8} {acc:.3f}  (target {TARGET:.2f}: {flag})")
    lines.append(f"  mean     {np.mean(list(out['accuracy'].values())):.3f}")
    return "\n".join(lines)
