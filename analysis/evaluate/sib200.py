"""SIB-200 topic classification: seven topics, 204 sentences per language (Flores-200).

* ``sib200``: per language, the train split is the analysts' coding, dev accuracy is reported.
* ``crosslingual``: analysts code only the English train split; accuracy on the other eight
  languages' dev. This is what a city gets when its analysts code in one language only.
* ``pooled``: no coding at all; all nine languages' dev sentences in one consultation, and the
  unaided themes compared with the topic (NMI, ARI) and with the language (NMI; low is good).

As in the product, the consultation's uncoded comments (here the dev sentences) are part of the
corpus the engine sees at run time (language offsets, centre); their labels never are.
"""

from __future__ import annotations

import time

import numpy as np

from analysis.engine import AnalysisOptions, CodebookTheme, CodedExample, TextItem, run_analysis
from analysis.engine.themes import build_theme_model

from .data import read_rows, shared_data_dir
from .metrics import clustering_agreement
from .systems import SYSTEMS, backend_for

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
TARGETS = {"sib200": 0.80, "sib200_mean": 0.85, "crosslingual": 0.70}


def _load(lang: str, split: str) -> list[dict[str, str]]:
    return read_rows(shared_data_dir() / "sib200" / FOLDERS[lang] / f"{split}.tsv", "\t")


def _codebook() -> list[CodebookTheme]:
    root = shared_data_dir() / "sib200" / FOLDERS["en"]
    topics = [t.strip() for t in (root / "labels.txt").read_text().splitlines() if t.strip()]
    return [CodebookTheme(t, t, "", {}) for t in topics]


def _accuracy(model, rows, lang) -> float:
    texts = [r["text"] for r in rows]
    scores = model.scores(texts, [lang] * len(texts))
    predicted = [model.keys[int(j)] for j in np.argmax(scores, axis=1)]
    return float(np.mean([p == r["category"] for p, r in zip(predicted, rows, strict=True)]))


def _coded(rows, lang):
    return [
        CodedExample(TextItem(f"{lang}-{i}", r["text"], lang), (r["category"],))
        for i, r in enumerate(rows)
    ]


def per_language(system: str) -> dict[str, float]:
    backend = backend_for(system)
    out = {}
    for lang in FOLDERS:
        train, dev = _load(lang, "train"), _load(lang, "dev")
        texts = [r["text"] for r in train + dev]
        corpus = (texts, [lang] * len(texts), None)
        model = build_theme_model(_codebook(), _coded(train, lang), backend=backend, corpus=corpus)
        out[lang] = _accuracy(model, dev, lang)
    return out


def crosslingual(system: str) -> dict[str, float]:
    backend = backend_for(system)
    train = _load("en", "train")
    devs = {lang: _load(lang, "dev") for lang in FOLDERS if lang != "en"}
    texts = [r["text"] for r in train] + [r["text"] for rows in devs.values() for r in rows]
    langs = ["en"] * len(train) + [lang for lang, rows in devs.items() for _ in rows]
    model = build_theme_model(
        _codebook(), _coded(train, "en"), backend=backend, corpus=(texts, langs, None)
    )
    return {lang: _accuracy(model, rows, lang) for lang, rows in devs.items()}


def pooled(system: str) -> dict[str, float]:
    items, topic, language = [], {}, {}
    for lang in FOLDERS:
        for i, r in enumerate(_load(lang, "dev")):
            item_id = f"{lang}-{i}"
            items.append(TextItem(item_id, r["text"], lang))
            topic[item_id], language[item_id] = r["category"], lang
    options = AnalysisOptions(backend=backend_for(system))
    result = run_analysis(items, codebook=[], options=options)
    found = {a.item_id: a.theme_key for a in result.assignments if a.source == "emergent"}
    ids = [it.id for it in items]
    predicted = [found.get(i, "unclustered") for i in ids]
    by_topic = clustering_agreement([topic[i] for i in ids], predicted)
    by_language = clustering_agreement([language[i] for i in ids], predicted)
    return {
        "nmi_topic": by_topic["nmi"],
        "ari_topic": by_topic["ari"],
        "nmi_language": by_language["nmi"],
        "themes": len(result.emergent_themes),
        "clustered": len(found) / len(ids),
    }


TASKS = {"sib200": per_language, "crosslingual": crosslingual, "pooled": pooled}


def run(task: str = "sib200") -> dict:
    out = {"task": task, "rows": {}}
    t0 = time.perf_counter()
    for system in SYSTEMS:
        out["rows"][system] = TASKS[task](system)
    out["seconds"] = round(time.perf_counter() - t0, 1)
    return out


def report(out: dict) -> str:
    task, rows = out["task"], out["rows"]
    lines = [f"SIB-200 {task} (dev), {out['seconds']} s"]
    cols = list(next(iter(rows.values())))
    lines.append(f"{'system':10} " + " ".join(f"{c:>12}" for c in cols) + "        mean")
    for name, row in rows.items():
        values = [row[c] for c in cols]
        mean = "" if task == "pooled" else f"{np.mean(values):12.3f}"
        lines.append(f"{name:10} " + " ".join(f"{v:12.3f}" for v in values) + mean)
    if task == "pooled":
        lines.append("target: nmi_topic >= 0.40, nmi_language <= 0.15")
    elif task == "crosslingual":
        lines.append(f"target: >= {TARGETS['crosslingual']:.2f} in each language")
    else:
        lines.append("target: >= 0.80 in each language, mean >= 0.85")
    return "\n".join(lines)
