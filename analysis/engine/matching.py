"""Matching comments to short theme statements (key points) with a learned pair model.

The codebook path (``themes.py``) scores a comment against a theme with a few similarity
features and a hand-set logistic calibrator. When labelled (comment, statement) pairs exist,
for instance a past consultation coded by analysts or the public ArgKP-2021 train split, this
module learns a richer pair model: word and character cosines, stem overlap and coverage of the
statement, BM25, length and negation cues, and how the pair ranks within the comment's row and
the statement's column. A gradient-boosted tree model (scikit-learn) maps them to a match
probability. Everything is built-in: no download, no network.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field

import numpy as np

from .backends.hashing import HashingBackend, _l2
from .text import normalise
from .tokenize import tokenize_many

NEGATIONS = frozenset(
    [
        "not",
        "no",
        "never",
        "nothing",
        "none",
        "nobody",
        "cannot",
        "can't",
        "don't",
        "doesn't",
        "isn't",
        "aren't",
        "won't",
        "shouldn't",
        "wouldn't",
        "without",
        "against",
    ]
)
FEATURE_NAMES = (
    "cos_words",
    "cos_chars",
    "cos_both",
    "kp_coverage",
    "arg_coverage",
    "jaccard",
    "bm25",
    "bm25_row_share",
    "log_len_arg",
    "log_len_kp",
    "len_ratio",
    "neg_arg",
    "neg_kp",
    "neg_mismatch",
    "row_gap",
    "row_rank",
    "row_z",
    "col_z",
    "col_rank",
    "topic_cos",
    "n_kps",
)


def _z(m: np.ndarray, axis: int) -> np.ndarray:
    mean = m.mean(axis=axis, keepdims=True)
    std = m.std(axis=axis, keepdims=True)
    return (m - mean) / np.maximum(std, 1e-6)


def _rank(m: np.ndarray, axis: int) -> np.ndarray:
    """0 for the highest value along ``axis``, scaled to [0, 1]."""
    order = np.argsort(-m, axis=axis, kind="stable")
    ranks = np.argsort(order, axis=axis, kind="stable").astype(np.float32)
    return ranks / max(m.shape[axis] - 1, 1)


def _bm25(arg_tokens, kp_tokens, k1: float = 1.2, b: float = 0.75) -> np.ndarray:
    """BM25 of each statement (as the query) against each comment (as the document)."""
    n = len(arg_tokens)
    df: dict[str, int] = {}
    for toks in arg_tokens:
        for t in set(toks):
            df[t] = df.get(t, 0) + 1
    avg = max(np.mean([len(t) for t in arg_tokens]) if n else 1.0, 1.0)
    out = np.zeros((n, len(kp_tokens)), dtype=np.float32)
    for i, toks in enumerate(arg_tokens):
        tf: dict[str, int] = {}
        for t in toks:
            tf[t] = tf.get(t, 0) + 1
        norm = k1 * (1 - b + b * len(toks) / avg)
        for j, q in enumerate(kp_tokens):
            score = 0.0
            for t in set(q):
                f = tf.get(t)
                if f:
                    idf = np.log(1 + (n - df[t] + 0.5) / (df[t] + 0.5))
                    score += idf * f * (k1 + 1) / (f + norm)
            out[i, j] = score
    return out


def pair_features(
    texts: Sequence[str],
    statements: Sequence[str],
    language: str | None = "en",
    topic: str | None = None,
) -> np.ndarray:
    """(n_texts, n_statements, len(FEATURE_NAMES)) features of every pair of one question."""
    texts = [normalise(t) for t in texts]
    statements = [normalise(s) for s in statements]
    langs = [language] * (len(texts) + len(statements) + 1)
    all_texts = list(texts) + list(statements) + [normalise(topic or "")]
    tokens = tokenize_many(all_texts, langs)
    backend = HashingBackend()
    backend.fit(all_texts, langs, tokens)
    words, chars = backend._blocks(all_texts, langs, tokens)
    words.data *= backend.idf[0][words.indices]
    chars.data *= backend.idf[1][chars.indices]
    words, chars = _l2(words), _l2(chars)
    n, m = len(texts), len(statements)
    cos_w = (words[:n] @ words[n : n + m].T).toarray()
    cos_c = (chars[:n] @ chars[n : n + m].T).toarray()
    both = (cos_w + 0.6 * cos_c) / 1.6
    topic_cos = (words[:n] @ words[n + m :].T).toarray()
    a_tok = [set(t) for t in tokens[:n]]
    k_tok = [set(t) for t in tokens[n : n + m]]
    inter = np.array([[len(a & k) for k in k_tok] for a in a_tok], dtype=np.float32)
    a_len = np.array([max(len(a), 1) for a in a_tok], dtype=np.float32)[:, None]
    k_len = np.array([max(len(k), 1) for k in k_tok], dtype=np.float32)[None, :]
    union = a_len + k_len - inter
    bm25 = _bm25(tokens[:n], tokens[n : n + m])
    surface = [set(t.casefold().replace("’", "'").split()) for t in all_texts]
    neg_a = np.array([bool(s & NEGATIONS) for s in surface[:n]], dtype=np.float32)[:, None]
    neg_k = np.array([bool(s & NEGATIONS) for s in surface[n : n + m]], dtype=np.float32)[None]
    ones = np.ones((n, m), dtype=np.float32)
    feats = [
        cos_w,
        cos_c,
        both,
        inter / k_len,
        inter / a_len,
        inter / np.maximum(union, 1),
        bm25,
        bm25 / np.maximum(bm25.sum(axis=1, keepdims=True), 1e-6),
        np.log1p(a_len) * ones,
        np.log1p(k_len) * ones,
        np.log1p(a_len) - np.log1p(k_len),
        neg_a * ones,
        neg_k * ones,
        np.abs(neg_a - neg_k),
        both - both.max(axis=1, keepdims=True),
        _rank(both, 1),
        _z(both, 1) if m > 1 else 0 * ones,
        _z(both, 0) if n > 1 else 0 * ones,
        _rank(both, 0),
        topic_cos * ones,
        np.full((n, m), np.log(m), dtype=np.float32),
    ]
    return np.stack([np.asarray(f, dtype=np.float32) * ones for f in feats], axis=2)


@dataclass
class PairMatcher:
    """A learned (comment, statement) match model; picklable, built-in features only."""

    model: object = None
    feature_names: tuple[str, ...] = field(default=FEATURE_NAMES)

    def fit(self, groups, random_state: int = 0) -> PairMatcher:
        """``groups``: (texts, statements, labels, language, topic) per question, where
        ``labels`` is an (n_texts, n_statements) array of 1, 0 or NaN (unknown, skipped)."""
        from sklearn.ensemble import HistGradientBoostingClassifier

        xs, ys = [], []
        for texts, statements, labels, language, topic in groups:
            feats = pair_features(texts, statements, language, topic)
            labels = np.asarray(labels, dtype=np.float32)
            known = ~np.isnan(labels)
            xs.append(feats[known])
            ys.append(labels[known])
        self.model = HistGradientBoostingClassifier(
            max_iter=100,
            learning_rate=0.05,
            max_leaf_nodes=7,
            min_samples_leaf=50,
            random_state=random_state,
        ).fit(np.vstack(xs), np.concatenate(ys).astype(int))
        return self

    def score(self, texts, statements, language: str | None = "en", topic=None) -> np.ndarray:
        """(n_texts, n_statements) match probabilities."""
        feats = pair_features(texts, statements, language, topic)
        n, m, f = feats.shape
        return self.model.predict_proba(feats.reshape(n * m, f))[:, 1].reshape(n, m)
