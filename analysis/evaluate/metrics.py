"""Evaluation metrics, written out so they can be checked by hand on small cases."""

from __future__ import annotations

from collections.abc import Hashable, Mapping, Sequence

import numpy as np


def average_precision(labels: Sequence[int], scores: Sequence[float]) -> float:
    """Step-wise average precision, the same definition as sklearn's ``average_precision_score``.

    Tied scores form one threshold. Returns 0.0 when there is no positive label (the KPA
    shared-task script does the same).
    """
    y = np.asarray(labels, dtype=float)
    s = np.asarray(scores, dtype=float)
    if y.sum() == 0:
        return 0.0
    order = np.argsort(-s, kind="mergesort")
    y, s = y[order], s[order]
    last_of_tie = np.r_[np.flatnonzero(np.diff(s)), len(s) - 1]
    tp = np.cumsum(y)[last_of_tie]
    precision = tp / (last_of_tie + 1)
    recall = tp / y.sum()
    return float(np.sum(np.diff(np.r_[0.0, recall]) * precision))


def kpa_map(
    best_pairs: Mapping[Hashable, Sequence[tuple[float, float | None]]],
    *,
    relaxed: bool,
    top_fraction: float = 0.5,
    recall_aware: bool = False,
) -> float:
    """Mean over topic/stance groups of AP over each argument's best-scoring key point.

    ``best_pairs[group]`` holds (score, label) per argument (all arguments of the group, also
    those that match no key point): label 1/0, or None when the pair is undecided (missing
    from the labels file): a miss when strict, a hit when relaxed. Only the ``top_fraction``
    highest-scoring pairs of each group are kept (``int(n * fraction)``, as in the shared
    task's script).

    ``recall_aware``: the updated KPA evaluation (``ap_retrieval``): the group's AP is
    multiplied by the share of positives among the kept pairs, i.e. by how many of the best
    possible number of matches (one per kept pair) the system placed there. Plain AP is blind
    to a system that puts few, sure matches on top; this version is not.
    """
    aps = []
    for pairs in best_pairs.values():
        ranked = sorted(pairs, key=lambda p: -p[0])[: int(len(pairs) * top_fraction)]
        fill = 1.0 if relaxed else 0.0
        labels = [fill if lab is None else lab for _, lab in ranked]
        ap = average_precision(labels, [sc for sc, _ in ranked])
        if recall_aware:
            ap *= sum(labels) / len(labels) if labels else 0.0
        aps.append(ap)
    return float(np.mean(aps)) if aps else 0.0


def clustering_agreement(gold: Sequence[Hashable], predicted: Sequence[Hashable]) -> dict:
    """Adjusted Rand index and normalised mutual information (arithmetic mean)."""
    from sklearn.metrics import adjusted_rand_score, normalized_mutual_info_score

    return {
        "ari": float(adjusted_rand_score(gold, predicted)),
        "nmi": float(normalized_mutual_info_score(gold, predicted)),
    }
