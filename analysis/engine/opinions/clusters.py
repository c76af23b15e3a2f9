"""Polis's two-level clustering: many small base clusters, then 2-5 groups of them.

Base clusters (k-means, up to 100) summarise the map; groups are a weighted k-means of the
base-cluster centres (weight = members), for every k from 2 to the largest allowed, and the k
with the best silhouette over the base-cluster centres wins. Grouping a hundred weighted
centres instead of every participant is what keeps updates cheap and the groups steady.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field

import numpy as np

from .types import GroupChoice


@dataclass
class Clustering:
    centers: np.ndarray  # (k, 2)
    labels: np.ndarray  # cluster index of each point


@dataclass
class KSmoother:
    """Polis's k smoother: the newest best k, how many updates in a row it won, the k used."""

    last_k: int | None = None
    count: int = 0
    k: int | None = None


@dataclass
class ClusterState:
    base_centers: np.ndarray | None = None
    group_centers: dict[int, np.ndarray] = field(default_factory=dict)
    smoother: KSmoother = field(default_factory=KSmoother)


def _kmeans(points, k, init, *, weights=None, restarts=1, iterations=100, seed=0) -> Clustering:
    """Weighted Lloyd iterations from ``init`` (centres) or k-means++ starts, keeping the
    start with the lowest weighted inertia; stops once no centre moves 0.01, as Polis."""
    weights = np.ones(len(points)) if weights is None else np.asarray(weights, float)
    rng = np.random.default_rng(seed)
    starts = (
        [np.asarray(init, float)]
        if not isinstance(init, str)
        else [_plus_plus(points, k, weights, rng) for _ in range(restarts)]
    )
    best, best_inertia = None, np.inf
    for centres in starts:
        clustering, inertia = _lloyd(points, centres.copy(), weights, iterations)
        if inertia < best_inertia:
            best, best_inertia = clustering, inertia
    return best


def _sq_distances(points: np.ndarray, centres: np.ndarray) -> np.ndarray:
    cross = points @ centres.T
    out = (points**2).sum(axis=1)[:, None] - 2 * cross + (centres**2).sum(axis=1)[None, :]
    return np.maximum(out, 0.0)


def _plus_plus(points, k, weights, rng) -> np.ndarray:
    """k-means++ seeding, each point's chance weighted by its weight (base-cluster size)."""
    centres = [points[rng.choice(len(points), p=weights / weights.sum())]]
    nearest = ((points - centres[0]) ** 2).sum(axis=1)
    for _ in range(1, k):
        chance = weights * nearest
        if chance.sum() <= 0:
            break
        centres.append(points[rng.choice(len(points), p=chance / chance.sum())])
        nearest = np.minimum(nearest, ((points - centres[-1]) ** 2).sum(axis=1))
    return np.asarray(centres)


def _lloyd(points, centres, weights, iterations) -> tuple[Clustering, float]:
    for _ in range(iterations):
        labels = _sq_distances(points, centres).argmin(axis=1)
        mass = np.bincount(labels, weights, minlength=len(centres))
        moved = centres.copy()
        for axis in range(points.shape[1]):
            sums = np.bincount(labels, weights * points[:, axis], minlength=len(centres))
            moved[:, axis] = np.where(mass > 0, sums / np.maximum(mass, 1e-300), centres[:, axis])
        shift = np.sqrt(((moved - centres) ** 2).sum(axis=1)).max()
        centres = moved
        if shift < 0.01:  # Polis: the same clustering once no centre moves 0.01
            break
    distances = _sq_distances(points, centres)
    labels = distances.argmin(axis=1)
    inertia = float((weights * distances[np.arange(len(points)), labels]).sum())
    return Clustering(centers=centres, labels=labels), inertia


def distinct_count(points: np.ndarray) -> int:
    return len(np.unique(np.round(points, 12), axis=0)) if len(points) else 0


def base_clusters(
    points: np.ndarray, *, k_max: int, start: np.ndarray | None, iterations: int, seed: int
) -> Clustering:
    """k-means with k = min(k_max, distinct positions); an update starts from the old centres,
    adding the points farthest from every centre when more clusters are now possible."""
    k = min(k_max, distinct_count(points))
    if start is not None and len(start):
        init = _fill_centres(points, np.asarray(start, float)[:k], k)
        return _kmeans(points, k, init, iterations=iterations, seed=seed)
    return _kmeans(points, k, "k-means++", iterations=iterations, seed=seed)


def _fill_centres(points: np.ndarray, centres: np.ndarray, k: int) -> np.ndarray:
    """Polis's way to grow a clustering: the most distant point becomes a new centre."""
    centres = list(centres)
    nearest = np.sqrt(_sq_distances(points, np.asarray(centres)).min(axis=1))
    while len(centres) < k and nearest.max() > 0:
        far = points[int(np.argmax(nearest))]
        centres.append(far)
        nearest = np.minimum(nearest, np.linalg.norm(points - far, axis=1))
    return np.asarray(centres)


def max_groups(n_base: int, ceiling: int) -> int:
    """Polis allows min(5, 2 + base clusters / 12) groups, and never more than base clusters."""
    return min(ceiling, 2 + n_base // 12, n_base)


def group_clusterings(
    centres: np.ndarray,
    weights: np.ndarray,
    *,
    ks: range,
    previous: Mapping[int, np.ndarray],
    restarts: int,
    iterations: int,
    seed: int,
) -> dict[int, Clustering]:
    """Weighted k-means of base-cluster centres for each k; an update starts from last time's
    groups for that k, a first run takes the best of ``restarts`` k-means++ starts."""
    out = {}
    for k in ks:
        start = previous.get(k)
        if start is not None and len(start) == k:
            out[k] = _kmeans(centres, k, start, weights=weights, iterations=iterations, seed=seed)
        else:
            out[k] = _kmeans(
                centres,
                k,
                "k-means++",
                weights=weights,
                restarts=restarts,
                iterations=iterations,
                seed=seed,
            )
    return out


def silhouette(centres: np.ndarray, labels: np.ndarray) -> float:
    """Mean silhouette over base-cluster centres, unweighted, as Polis; singletons score 0."""
    groups = np.unique(labels)
    if len(groups) < 2:
        return -1.0
    distances = np.sqrt(_sq_distances(centres, centres))
    onehot = labels[:, None] == groups[None, :]
    sizes = onehot.sum(axis=0)
    totals = distances @ onehot  # summed distance from each centre to each group
    own = onehot.argmax(axis=1)
    own_size = sizes[own]
    a = np.where(own_size > 1, totals[np.arange(len(labels)), own] / np.maximum(own_size - 1, 1), 0)
    means = totals / sizes[None, :]
    means[np.arange(len(labels)), own] = np.inf
    b = means.min(axis=1)
    score = np.where(own_size > 1, (b - a) / np.maximum(np.maximum(a, b), 1e-300), 0.0)
    return float(score.mean())


def choose_k(
    scores: Mapping[int, float], smoother: KSmoother, *, buffer: int, smooth: bool
) -> tuple[GroupChoice, KSmoother]:
    """The k with the best silhouette (smallest k on a tie). In an update, Polis keeps the
    k in use until a new best k has won ``buffer`` updates in a row, so groups do not flicker."""
    best = max(sorted(scores), key=lambda k: scores[k])
    rounded = {k: round(v, 6) for k, v in scores.items()}
    if not smooth or smoother.k is None or smoother.k not in scores:
        return GroupChoice(best, "silhouette", rounded), KSmoother(best, 1, best)
    count = smoother.count + 1 if smoother.last_k == best else 1
    k = best if count >= buffer else smoother.k
    rule = "silhouette" if k == best else "smoothed"
    return GroupChoice(k, rule, rounded), KSmoother(best, count, k)
