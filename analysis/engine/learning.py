"""Learning a consultation's themes from analysts' coded comments (see ``ThemeModel``).

Kept apart from ``themes.py`` so the scoring code stays small; ``build_theme_model`` calls
``train_classifier`` when coded examples are given.
"""

from __future__ import annotations

from collections.abc import Sequence

import numpy as np
import scipy.sparse as sp

from .languages import canonical_language, detect_languages
from .text import normalise
from .themes import ThemeModel, _dense, _stack
from .types import CodedExample

PROTOTYPE_WEIGHT = 0.3  # codebook phrases count as training examples, but weigh less
EXCLUSIVE_C = 10.0
CNB_ALPHA = 0.1
CNB_WEIGHT = 4.0  # complement NB's share next to logistic regression (SIB-200 dev)


def train_classifier(model: ThemeModel, coded: Sequence[CodedExample], texts, langs, enc_protos):
    from sklearn.linear_model import LogisticRegression

    keys = model.keys
    index = {k: i for i, k in enumerate(keys)}
    ctexts = [normalise(c.item.text) for c in coded]
    clangs = [
        canonical_language(c.item.declared_language) or g.code
        for c, g in zip(
            coded, detect_languages(ctexts, [c.item.declared_language for c in coded]), strict=True
        )
    ]
    x_coded = _stack(model.encode(ctexts, clangs))
    x_full = sp.vstack([x_coded, _stack(enc_protos)], format="csr")
    # Train only on columns that occur: hashed spaces are huge and mostly empty.
    active = np.unique(x_full.indices)
    x = x_full[:, active]
    y_sets = [{index[k] for k in c.theme_keys if k in index} for c in coded]
    y_sets += [{int(t)} for t in model.proto_theme]
    sample_w = np.concatenate([np.ones(len(coded)), np.full(len(texts), PROTOTYPE_WEIGHT)])
    n_themes = len(keys)
    positives = np.zeros(n_themes)
    for s in y_sets[: len(coded)]:
        for t in s:
            positives[t] += 1
    model.coded_positives = positives
    model.exclusive = all(len(s) <= 1 for s in y_sets[: len(coded)])
    n_classes = n_themes + 1 if model.exclusive else n_themes
    weights = np.zeros((n_classes, x.shape[1]), dtype=np.float32)
    bias = np.full(n_classes, -30.0 if model.exclusive else -5.0, dtype=np.float32)
    if model.exclusive:
        # One softmax over themes + "fits no theme": the natural model for one-label coding.
        y = np.array([next(iter(s)) if s else n_themes for s in y_sets])
        clf = LogisticRegression(C=EXCLUSIVE_C, max_iter=200, tol=1e-3)
        clf.fit(x, y, sample_weight=sample_w)
        if len(clf.classes_) == 2:
            weights[clf.classes_[1]], bias[clf.classes_[1]] = clf.coef_[0], clf.intercept_[0]
            bias[clf.classes_[0]] = 0.0
        else:
            for row, cls in enumerate(clf.classes_):
                weights[cls], bias[cls] = clf.coef_[row], clf.intercept_[row]
            _add_complement_nb(weights, x, y, sample_w, clf.classes_)
    else:
        for t in range(n_themes):
            y = np.array([t in s for s in y_sets])
            if y.all() or not y.any():
                continue
            clf = LogisticRegression(C=4.0, solver="liblinear")
            clf.fit(x, y, sample_weight=sample_w)
            weights[t], bias[t] = clf.coef_[0], clf.intercept_[0]
    full = sp.csr_matrix(weights)
    full = sp.csr_matrix(
        (full.data, active[full.indices], full.indptr), shape=(n_classes, x_full.shape[1])
    )
    model.weights, model.bias = full, bias


def _add_complement_nb(weights: np.ndarray, x, y: np.ndarray, sample_w, classes) -> None:
    """Fold a complement naive Bayes model into the softmax weights (both are linear).

    With a few hundred coded comments and a wide feature space, CNB generalises better than
    logistic regression alone (SIB-200 dev: 0.63 -> 0.75 mean accuracy). Its log weights are
    centred per feature (which no softmax can see) and scaled to CNB_WEIGHT times the
    regression's spread on the training rows; the regression keeps the calibration of the bias.
    """
    from sklearn.naive_bayes import ComplementNB

    nb = ComplementNB(alpha=CNB_ALPHA).fit(x, y, sample_weight=sample_w)
    log_w = nb.feature_log_prob_ - nb.feature_log_prob_.mean(axis=0, keepdims=True)
    z_lr = _dense(x @ weights[classes].T)
    z_nb = _dense(x @ log_w.T)
    scale = CNB_WEIGHT * float(z_lr.std(axis=1).mean()) / max(float(z_nb.std(axis=1).mean()), 1e-9)
    for row, cls in enumerate(nb.classes_):
        weights[cls] += (scale * log_w[row]).astype(np.float32)
