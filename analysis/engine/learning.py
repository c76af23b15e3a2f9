"""Learning a consultation's themes from analysts' coded comments (see ``ThemeModel``).

Kept apart from ``themes.py`` so the scoring code stays small; ``build_theme_model`` calls
``train_classifier`` when coded examples are given.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING

import numpy as np
import scipy.sparse as sp

from .languages import canonical_language, detect_languages
from .matrices import dense as _dense
from .matrices import hstack_csr as _stack
from .text import normalise
from .types import CodedExample

if TYPE_CHECKING:
    from .themes import ThemeModel

PROTOTYPE_WEIGHT = 0.3  # codebook phrases count as training examples, but weigh less
EXCLUSIVE_C = 10.0
SEMANTIC_C = 10.0  # sentence vectors are unit length: weak regularisation
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
        lexical = active < model_lexical_width(model)
        w, b = _exclusive(x, y, sample_w, lexical, n_classes, len(coded))
        weights[:], bias[:] = w, b
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


def model_lexical_width(model: ThemeModel) -> int:
    """Columns of the stacked features that belong to word-based (non-negative) views."""
    width = 0
    for view in model.views:
        if getattr(view.backend, "dense", False):
            break
        width += view.prototypes.shape[1]
    return width


BLENDS = (0.0, 0.3, 0.5, 0.7, 0.85, 1.0)  # semantic share of the logits, chosen by CV


def _exclusive(x, y, sample_w, lexical, n_classes, n_coded):
    """Softmax weights from two classifiers, one per kind of evidence, blended in logit space.

    Words: logistic regression plus complement naive Bayes (which needs non-negative counts, so
    it never sees the sentence vectors: that was the e5 crash). Meaning: logistic regression on
    the language-neutral sentence vectors, which carries coding in one language over to the
    others. The semantic share is chosen by 3-fold cross-validation on the analysts' own coding.
    """
    x = sp.csr_matrix(x)
    lex_cols, sem_cols = np.flatnonzero(lexical), np.flatnonzero(~lexical)
    if not len(sem_cols):
        return _fit_parts(x, y, sample_w, lex_cols, sem_cols, n_classes, 0.0)
    blend = _choose_blend(x, y, sample_w, lex_cols, sem_cols, n_classes, n_coded)
    return _fit_parts(x, y, sample_w, lex_cols, sem_cols, n_classes, blend)


def _fit_parts(x, y, sample_w, lex_cols, sem_cols, n_classes, blend):
    from sklearn.linear_model import LogisticRegression

    weights = np.zeros((n_classes, x.shape[1]), dtype=np.float32)
    bias = np.full(n_classes, -30.0, dtype=np.float32)
    classes = np.unique(y)
    if len(classes) < 2:
        return weights, bias
    bias[classes] = 0.0
    for cols, share in ((lex_cols, 1.0 - blend), (sem_cols, blend)):
        if not len(cols) or share <= 0:
            continue
        part = x[:, cols]
        c = EXCLUSIVE_C if cols is lex_cols else SEMANTIC_C
        clf = LogisticRegression(C=c, max_iter=300, tol=1e-3).fit(part, y, sample_weight=sample_w)
        w = np.zeros((n_classes, len(cols)), dtype=np.float32)
        b = np.zeros(n_classes, dtype=np.float32)
        if len(clf.classes_) == 2:
            w[clf.classes_[1]], b[clf.classes_[1]] = clf.coef_[0], clf.intercept_[0]
        else:
            w[clf.classes_], b[clf.classes_] = clf.coef_, clf.intercept_
            if cols is lex_cols:
                _add_complement_nb(w, part, y, sample_w, clf.classes_)
        weights[:, cols] += share * w
        bias[classes] += share * b[classes]
    return weights, bias


def _choose_blend(x, y, sample_w, lex_cols, sem_cols, n_classes, n_coded):
    """The semantic share with the best 3-fold accuracy on the coded comments (codebook
    phrases stay in every training fold); all-semantic when there is too little to split."""
    coded = np.arange(n_coded)
    if n_coded < 30 or len(np.unique(y[:n_coded])) < 2:
        return 1.0
    folds = np.arange(n_coded) % 3
    scores = dict.fromkeys(BLENDS, 0.0)
    for fold in range(3):
        test = coded[folds == fold]
        train = np.setdiff1d(np.arange(len(y)), test)
        fit = (x[train], y[train], sample_w[train])
        w_lex, b_lex = _fit_parts(*fit, lex_cols, [], n_classes, 0.0)
        w_sem, b_sem = _fit_parts(*fit, [], sem_cols, n_classes, 1.0)
        z_lex = _dense(x[test] @ sp.csr_matrix(w_lex).T) + b_lex
        z_sem = _dense(x[test] @ sp.csr_matrix(w_sem).T) + b_sem
        for blend in BLENDS:
            z = (1 - blend) * z_lex + blend * z_sem
            scores[blend] += float(np.mean(z.argmax(axis=1) == y[test]))
    return max(BLENDS, key=lambda blend: (scores[blend], blend))


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
