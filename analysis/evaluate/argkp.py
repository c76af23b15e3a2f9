"""ArgKP-2021 key-point matching and unaided theme discovery, scored on the dev split.

A topic + stance plays the role of one consultation question, its key points the codebook, and
each argument a comment. The train split is used only to fit the shipped calibrators (how
similarity features map to "this argument makes this key point": ``python -m analysis.evaluate
calibrate`` prints them for analysis/engine/themes.py), never the dev topics. One row per named
system (``systems.py``); dev is reported once.
"""

from __future__ import annotations

import time
from collections import defaultdict
from pathlib import Path

import numpy as np

from analysis.engine import AnalysisOptions, CodebookTheme, TextItem, run_analysis
from analysis.engine.themes import Calibrator, build_theme_model

from .data import read_rows, shared_data_dir
from .metrics import clustering_agreement, kpa_map
from .systems import SYSTEMS, backend_for

TARGETS = {
    "original_strict": 0.86,
    "original_relaxed": 0.94,
    "recall_strict": 0.62,
    "recall_relaxed": 0.82,
    "ari": 0.30,
    "nmi": 0.45,
    "mapping_f1": 0.65,
}


def load_split(root: Path, split: str):
    args = read_rows(root / f"arguments_{split}.csv")
    kps = read_rows(root / f"key_points_{split}.csv")
    labels = {
        (r["arg_id"], r["key_point_id"]): int(r["label"])
        for r in read_rows(root / f"labels_{split}.csv")
    }
    groups: dict[tuple[str, str], dict[str, list]] = defaultdict(lambda: {"args": [], "kps": []})
    for a in args:
        groups[(a["topic"], a["stance"])]["args"].append(a)
    for k in kps:
        groups[(k["topic"], k["stance"])]["kps"].append(k)
    return groups, labels


def _codebook(kps) -> list[CodebookTheme]:
    return [
        CodebookTheme(k["key_point_id"], k["key_point"], "", {"en": [k["key_point"]]}) for k in kps
    ]


def _model(group, backend, calibrator=None):
    texts = [a["argument"] for a in group["args"]]
    langs = ["en"] * len(texts)
    model = build_theme_model(
        _codebook(group["kps"]), backend=backend, corpus=(texts, langs, None), calibrator=calibrator
    )
    return model, model.encode(texts, langs)


def engine_scores(group, backend) -> np.ndarray:
    model, encoded = _model(group, backend)
    return model.score_encoded(encoded)[0]


def tfidf_scores(group) -> np.ndarray:
    """The floor: TfidfVectorizer() with default settings, fit per topic and stance on its
    arguments and key points, cosine similarity."""
    from sklearn.feature_extraction.text import TfidfVectorizer

    args = [a["argument"] for a in group["args"]]
    kps = [k["key_point"] for k in group["kps"]]
    vec = TfidfVectorizer().fit(args + kps)
    return (vec.transform(args) @ vec.transform(kps).T).toarray()


def fit_calibrator(groups, labels, backend) -> Calibrator:
    """Logistic regression over pair features of the train split's decided pairs."""
    from sklearn.linear_model import LogisticRegression

    xs, ys = [], []
    for group in groups.values():
        model, encoded = _model(group, backend)
        feats = model.pair_features(encoded)
        for i, a in enumerate(group["args"]):
            for j, k in enumerate(group["kps"]):
                lab = labels.get((a["arg_id"], k["key_point_id"]))
                if lab is not None:
                    xs.append(feats[i, j])
                    ys.append(lab)
    clf = LogisticRegression(C=1.0, max_iter=1000).fit(np.array(xs), np.array(ys))
    return Calibrator(coef=clf.coef_[0], intercept=float(clf.intercept_[0]))


def mapping_f1(groups, labels, backend) -> float:
    """Per-comment theme sets: the key points the engine assigns (probability >= its
    min_confidence, at most three) against those the gold labels match; micro F1 over pairs."""
    tp = fp = fn = 0
    for group in groups.values():
        model, encoded = _model(group, backend)
        scores = model.score_encoded(encoded)[0]
        kp_ids = [k["key_point_id"] for k in group["kps"]]
        for i, a in enumerate(group["args"]):
            order = np.argsort(-scores[i])[: model.max_themes]
            chosen = {kp_ids[j] for j in order if scores[i, j] >= model.min_confidence}
            gold = {k for k in kp_ids if labels.get((a["arg_id"], k)) == 1}
            tp += len(chosen & gold)
            fp += len(chosen - gold)
            fn += len(gold - chosen)
    return 2 * tp / max(2 * tp + fp + fn, 1)


def matching_metrics(groups, labels, score_fn) -> dict[str, float]:
    """Original and recall-aware mAP from a (n_args, n_kps) score matrix per group."""
    best: dict = {}
    for key, group in groups.items():
        scores = score_fn(group)
        pairs = []
        for i, a in enumerate(group["args"]):
            j = int(np.argmax(scores[i]))
            pairs.append(
                (float(scores[i, j]), labels.get((a["arg_id"], group["kps"][j]["key_point_id"])))
            )
        best[key] = pairs
    return {
        "original_strict": kpa_map(best, relaxed=False),
        "original_relaxed": kpa_map(best, relaxed=True),
        "recall_strict": kpa_map(best, relaxed=False, recall_aware=True),
        "recall_relaxed": kpa_map(best, relaxed=True, recall_aware=True),
    }


def clustering_metrics(groups, labels, backend) -> dict[str, float]:
    items, gold = [], {}
    for (topic, stance), group in groups.items():
        kp_ids = [k["key_point_id"] for k in group["kps"]]
        for a in group["args"]:
            matched = [k for k in kp_ids if labels.get((a["arg_id"], k)) == 1]
            gold[a["arg_id"]] = matched[0] if matched else "no key point"
            items.append(
                TextItem(a["arg_id"], a["argument"], "en", meta={"question": f"{topic}|{stance}"})
            )
    options = AnalysisOptions(backend=backend, group_by="question", min_cluster_size=3)
    result = run_analysis(items, codebook=[], options=options)
    predicted = {a.item_id: a.theme_key for a in result.assignments if a.source == "emergent"}
    per_group = []
    pooled_gold, pooled_pred = [], []
    for (topic, stance), group in groups.items():
        ids = [a["arg_id"] for a in group["args"]]
        g = [gold[i] for i in ids]
        p = [predicted.get(i, f"unclustered|{topic}|{stance}") for i in ids]
        per_group.append(clustering_agreement(g, p))
        pooled_gold += [f"{topic}|{stance}|{x}" for x in g]
        pooled_pred += p
    pooled = clustering_agreement(pooled_gold, pooled_pred)
    return {
        "ari": float(np.mean([m["ari"] for m in per_group])),
        "nmi": float(np.mean([m["nmi"] for m in per_group])),
        "ari_pooled": pooled["ari"],
        "nmi_pooled": pooled["nmi"],
    }


def clustering_floor(groups, labels) -> dict[str, float]:
    """Plain TF-IDF + k-means (k = sqrt(n/2)) per group, every argument clustered."""
    from sklearn.cluster import KMeans
    from sklearn.feature_extraction.text import TfidfVectorizer

    per_group = []
    for group in groups.values():
        texts = [a["argument"] for a in group["args"]]
        kp_ids = [k["key_point_id"] for k in group["kps"]]
        gold = []
        for a in group["args"]:
            matched = [k for k in kp_ids if labels.get((a["arg_id"], k)) == 1]
            gold.append(matched[0] if matched else "no key point")
        x = TfidfVectorizer().fit_transform(texts)
        k = max(2, round(np.sqrt(len(texts) / 2)))
        pred = KMeans(k, random_state=0, n_init=4).fit_predict(x)
        per_group.append(clustering_agreement(gold, pred.tolist()))
    return {m: float(np.mean([g[m] for g in per_group])) for m in ("ari", "nmi")}


def run() -> dict:
    root = shared_data_dir() / "argkp"
    dev, dev_labels = load_split(root, "dev")
    t0 = time.perf_counter()
    out: dict = {"rows": {}, "clustering": {}, "mapping_f1": {}}
    out["rows"]["tfidf"] = matching_metrics(dev, dev_labels, tfidf_scores)
    out["clustering"]["tfidf"] = clustering_floor(dev, dev_labels)
    for system in SYSTEMS:
        backend = backend_for(system)
        out["rows"][system] = matching_metrics(
            dev, dev_labels, lambda g, backend=backend: engine_scores(g, backend)
        )
        out["mapping_f1"][system] = mapping_f1(dev, dev_labels, backend)
        out["clustering"][system] = clustering_metrics(dev, dev_labels, backend)
    out["seconds"] = round(time.perf_counter() - t0, 1)
    return out


def calibrate() -> dict:
    """Fit the shipped calibrators on the train split (one per set of views)."""
    root = shared_data_dir() / "argkp"
    train, train_labels = load_split(root, "train")
    out = {}
    for system in SYSTEMS:
        cal = fit_calibrator(train, train_labels, backend_for(system))
        out[system] = {
            "coef": [round(float(c), 3) for c in cal.coef],
            "intercept": round(cal.intercept, 3),
        }
    return out


def report(out: dict) -> str:
    cols = ["original_strict", "original_relaxed", "recall_strict", "recall_relaxed"]
    lines = [f"ArgKP-2021 dev key-point matching ({out['seconds']} s)"]
    lines.append(f"{'system':10} " + " ".join(f"{c:>17}" for c in cols) + "   mapping F1")
    for name, row in out["rows"].items():
        f1 = out["mapping_f1"].get(name)
        tail = f"{f1:13.3f}" if f1 is not None else ""
        lines.append(f"{name:10} " + " ".join(f"{row[c]:17.3f}" for c in cols) + tail)
    lines.append(
        f"{'target':10} "
        + " ".join(f"{TARGETS[c]:17.2f}" for c in cols)
        + f"{TARGETS['mapping_f1']:13.2f}"
    )
    lines.append("unaided themes vs gold key points ('no key point' a class), mean over groups:")
    for name, c in out["clustering"].items():
        lines.append(f"  {name:10} ARI {c['ari']:.3f}  NMI {c['nmi']:.3f}")
    lines.append(f"  target     ARI {TARGETS['ari']:.2f}  NMI {TARGETS['nmi']:.2f}")
    return "\n".join(lines)
