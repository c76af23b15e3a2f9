"""Agreement tables, group-informed consensus and divisive statements for any split of the
participants: the computed opinion groups, or language, channel or district.

Polis's group-informed consensus multiplies, over groups, each group's probability of
agreeing, (A + 1) / (S + 2): a statement scores high only if every group agrees, however
small. Running the same figures over language communities answers the question a city with
many languages needs: what has majority support in every community, and what splits them.
"""

from __future__ import annotations

from collections.abc import Sequence

import numpy as np
from scipy import sparse

from .matrix import Indicators
from .stats import Z_90, pseudo_probability, two_prop_test
from .types import (
    ConsensusStatement,
    DivisiveStatement,
    GroupComparison,
    StatementRow,
    VoteCounts,
)


def group_counts(
    membership: np.ndarray, n_groups: int, ind: Indicators
) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """Agree, disagree and seen counts (groups x statements); ``membership`` is each
    participant's group index, -1 for none."""
    rows = np.flatnonzero(membership >= 0)
    onehot = sparse.csr_matrix(
        (np.ones(len(rows)), (membership[rows], rows)), shape=(n_groups, len(membership))
    )

    def count(matrix: sparse.csr_matrix) -> np.ndarray:
        return np.rint(np.asarray((onehot @ matrix).todense())).astype(np.int64)

    return count(ind.agree), count(ind.disagree), count(ind.seen)


def compare(
    kind: str,
    keys: Sequence[str],
    membership: np.ndarray,
    ind: Indicators,
    statement_ids: Sequence[str],
    columns: np.ndarray,
) -> GroupComparison:
    """The full comparison across ``keys`` for the statements at ``columns``."""
    agree, disagree, seen = (c[:, columns] for c in group_counts(membership, len(keys), ind))
    sizes = np.bincount(membership[membership >= 0], minlength=len(keys))
    ids = [statement_ids[j] for j in columns]
    return GroupComparison(
        kind=kind,
        groups=tuple(keys),
        sizes={k: int(n) for k, n in zip(keys, sizes, strict=True)},
        table=_table(keys, ids, agree, disagree, seen),
        consensus=_consensus(keys, ids, agree, seen),
        divisive=_divisive(keys, ids, agree, seen),
    )


def _table(keys, ids, agree, disagree, seen) -> tuple[StatementRow, ...]:
    rows = []
    for j, sid in enumerate(ids):
        counts = {
            key: VoteCounts(
                int(agree[g, j]),
                int(disagree[g, j]),
                int(seen[g, j] - agree[g, j] - disagree[g, j]),
            )
            for g, key in enumerate(keys)
        }
        total = VoteCounts(
            sum(c.agree for c in counts.values()),
            sum(c.disagree for c in counts.values()),
            sum(c.passed for c in counts.values()),
        )
        rows.append(StatementRow(sid, counts, total))
    return tuple(rows)


def _consensus(keys, ids, agree, seen) -> tuple[ConsensusStatement, ...]:
    if not keys:
        return ()
    probs = pseudo_probability(agree, seen)
    scores = probs.prod(axis=0)
    majority = (2 * agree > seen).all(axis=0)
    order = sorted(range(len(ids)), key=lambda j: (-scores[j], j))
    return tuple(
        ConsensusStatement(
            statement_id=ids[j],
            score=float(scores[j]),
            agree_probabilities={k: float(probs[g, j]) for g, k in enumerate(keys)},
            majority_in_every_group=bool(majority[j]),
        )
        for j in order
    )


def _divisive(keys, ids, agree, seen) -> tuple[DivisiveStatement, ...]:
    """Statements where more than half of one group agrees, fewer than half of another
    does, and the two differ significantly (Polis's two-proportion test at 90%)."""
    if len(keys) < 2:
        return ()
    probs = pseudo_probability(agree, seen)
    hi, lo = probs.argmax(axis=0), probs.argmin(axis=0)
    cols = np.arange(len(ids))
    a_hi, s_hi, a_lo, s_lo = agree[hi, cols], seen[hi, cols], agree[lo, cols], seen[lo, cols]
    z = two_prop_test(a_hi, a_lo, s_hi, s_lo)
    split = (2 * a_hi > s_hi) & (2 * a_lo < s_lo) & (z > Z_90)
    spread = probs[hi, cols] - probs[lo, cols]
    order = sorted(np.flatnonzero(split), key=lambda j: (-spread[j], -z[j], j))
    return tuple(
        DivisiveStatement(ids[j], float(spread[j]), keys[hi[j]], keys[lo[j]], float(z[j]))
        for j in order
    )
