"""Two principal components of the vote matrix and Polis's sparsity-aware projection.

Polis fills a missing vote with the statement's mean vote, centres, and finds two components.
After centring, a filled cell is exactly zero, so the centred matrix keeps the sparsity of the
votes and its Gram matrix (statements x statements) is cheap. Participants are then projected
from the votes they cast only, and pushed out from the centre by sqrt(statements / votes), so
someone who voted on a few statements is not drawn into the middle of the map.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
from scipy import sparse

from .matrix import Indicators

N_COMPONENTS = 2
_TOLERANCE = 1e-10


@dataclass
class Components:
    """Centre (mean vote per statement) and two unit-length components; zeros when the votes
    hold no variation in that direction."""

    center: np.ndarray
    components: np.ndarray  # shape (2, statements)


def centred_votes(ind: Indicators) -> tuple[sparse.csr_matrix, np.ndarray]:
    """The centred, mean-filled matrix (sparse: zero where nobody voted) and the centre."""
    seen = np.asarray(ind.seen.sum(axis=0)).ravel()
    total = np.asarray(ind.agree.sum(axis=0) - ind.disagree.sum(axis=0)).ravel()
    center = np.divide(total, seen, out=np.zeros_like(total), where=seen > 0)
    # A seen cell holds its vote minus the statement's mean; a pass is 0 minus the mean.
    centred = (ind.agree - ind.disagree) - ind.seen.multiply(center[np.newaxis, :])
    return centred.tocsr(), center


def fit(
    centred: sparse.csr_matrix,
    center: np.ndarray,
    start: np.ndarray | None,
    *,
    iterations: int,
    seed: int,
) -> Components:
    """Exact components from scratch; power iteration from ``start`` for an update.

    Starting from the previous components keeps the map's orientation from one update to the
    next and needs only a few iterations, as Polis does.
    """
    gram = np.asarray((centred.T @ centred).todense(), dtype=float)
    if start is None:
        return Components(center=center, components=_exact(gram))
    return Components(
        center=center, components=_power(gram, start, iterations=iterations, seed=seed)
    )


def _exact(gram: np.ndarray) -> np.ndarray:
    from scipy.linalg import eigh

    m = gram.shape[0]
    comps = np.zeros((N_COMPONENTS, m))
    if m == 0:
        return comps
    top = min(N_COMPONENTS, m)
    values, vectors = eigh(gram, subset_by_index=[m - top, m - 1])
    scale = max(float(np.trace(gram)), 1.0)
    for i in range(top):
        value, vector = values[-1 - i], vectors[:, -1 - i]
        if value > _TOLERANCE * scale:
            comps[i] = vector * _orientation(vector)
    return comps


def _orientation(vector: np.ndarray) -> float:
    """A fixed sign (largest loading positive), so a recompute never mirrors the map."""
    return 1.0 if vector[np.argmax(np.abs(vector))] >= 0 else -1.0


def _power(gram: np.ndarray, start: np.ndarray, *, iterations: int, seed: int) -> np.ndarray:
    m = gram.shape[0]
    comps = np.zeros((N_COMPONENTS, m))
    rng = np.random.default_rng(seed)
    deflated = gram.copy()
    scale = max(float(np.trace(gram)), 1.0)
    for i in range(min(N_COMPONENTS, m)):
        vector = np.zeros(m)
        given = start[i] if i < len(start) else np.zeros(0)
        vector[: min(m, given.size)] = given[:m]
        if np.linalg.norm(vector) == 0:
            vector = rng.random(m)
        value, vector = _iterate(deflated, vector, iterations)
        if value <= _TOLERANCE * scale:
            break
        comps[i] = vector
        deflated -= value * np.outer(vector, vector)
    return comps


def _iterate(gram: np.ndarray, vector: np.ndarray, iterations: int) -> tuple[float, np.ndarray]:
    vector = vector / np.linalg.norm(vector)
    value = 0.0
    for _ in range(iterations):
        product = gram @ vector
        new_value = float(np.linalg.norm(product))
        if new_value == 0.0:
            return 0.0, vector
        vector = product / new_value
        if abs(new_value - value) <= _TOLERANCE * new_value:
            break
        value = new_value
    return float(vector @ gram @ vector), vector


def project(
    centred: sparse.csr_matrix,
    comps: Components,
    seen_per_row: np.ndarray,
    n_statements: int,
    n_withdrawn: int,
) -> np.ndarray:
    """Polis's sparsity-aware projection of every participant (rows x 2).

    Withdrawn statements that had votes count as seen by everyone and as columns, because
    Polis zeroes their column rather than dropping it.
    """
    raw = np.asarray(centred @ comps.components.T)
    votes = seen_per_row + n_withdrawn
    scale = np.sqrt((n_statements + n_withdrawn) / np.maximum(votes, 1))
    return raw * scale[:, np.newaxis]
