"""BANKING77: 77 customer-service intents, the closest public stand-in for a city's
"what did residents ask for" codebook with many themes.

Only the train file is used. Every fifth row (in file order) is held back as the test set; the
other four fifths are the analysts' coding. Accuracy is the share of held-back queries whose top
theme is the gold intent.
"""

from __future__ import annotations

import json
import time

import numpy as np

from analysis.engine import CodebookTheme, CodedExample, TextItem
from analysis.engine.themes import build_theme_model

from .data import read_rows, shared_data_dir
from .systems import SYSTEMS, backend_for

TARGET = 0.90


def _split():
    root = shared_data_dir() / "banking77"
    rows = read_rows(root / "train.csv")
    coded = [r for i, r in enumerate(rows) if i % 5]
    held = [r for i, r in enumerate(rows) if not i % 5]
    names = json.loads((root / "categories.json").read_text())
    return coded, held, names


def tfidf_accuracy() -> float:
    """TfidfVectorizer() + LogisticRegression(), both with default settings."""
    from sklearn.feature_extraction.text import TfidfVectorizer
    from sklearn.linear_model import LogisticRegression

    coded, held, _ = _split()
    vec = TfidfVectorizer().fit([r["text"] for r in coded])
    clf = LogisticRegression(max_iter=1000).fit(
        vec.transform([r["text"] for r in coded]), [r["category"] for r in coded]
    )
    predicted = clf.predict(vec.transform([r["text"] for r in held]))
    return float(np.mean([p == r["category"] for p, r in zip(predicted, held, strict=True)]))


def engine_accuracy(system: str) -> float:
    coded, held, names = _split()
    keys = names if isinstance(names, list) else list(names)
    codebook = [CodebookTheme(k, k.replace("_", " "), "", {}) for k in keys]
    examples = [
        CodedExample(TextItem(f"c{i}", r["text"], "en"), (r["category"],))
        for i, r in enumerate(coded)
    ]
    texts = [r["text"] for r in coded + held]
    model = build_theme_model(
        codebook, examples, backend=backend_for(system), corpus=(texts, ["en"] * len(texts), None)
    )
    test = [r["text"] for r in held]
    scores = model.scores(test, ["en"] * len(test))
    predicted = [model.keys[int(j)] for j in np.argmax(scores, axis=1)]
    return float(np.mean([p == r["category"] for p, r in zip(predicted, held, strict=True)]))


def run() -> dict:
    t0 = time.perf_counter()
    rows = {"tfidf": tfidf_accuracy()}
    for system in SYSTEMS:
        rows[system] = engine_accuracy(system)
    return {"rows": rows, "seconds": round(time.perf_counter() - t0, 1)}


def report(out: dict) -> str:
    lines = [f"BANKING77, accuracy on the held-back fifth of train ({out['seconds']} s)"]
    lines += [f"  {name:10} {acc:.3f}" for name, acc in out["rows"].items()]
    lines.append(f"  target     {TARGET:.2f}")
    return "\n".join(lines)
