"""The participants x statements vote matrix, kept as deduplicated sparse triples.

Votes arrive as a stream; a participant may change a vote, and only the latest one counts.
Triples (row, column, value) keep memory to the number of votes, not participants x
statements, and merge cheaply when more votes arrive.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field

import numpy as np
from scipy import sparse

from .types import VOTE_VALUES, Vote


@dataclass
class VoteLog:
    """Every participant's latest vote on every statement they voted on."""

    participant_ids: list[str] = field(default_factory=list)
    statement_ids: list[str] = field(default_factory=list)
    rows: np.ndarray = field(default_factory=lambda: np.zeros(0, np.int64))
    cols: np.ndarray = field(default_factory=lambda: np.zeros(0, np.int64))
    values: np.ndarray = field(default_factory=lambda: np.zeros(0, np.int8))
    times: np.ndarray = field(default_factory=lambda: np.zeros(0, float))
    seq: np.ndarray = field(default_factory=lambda: np.zeros(0, np.int64))
    _p_index: dict[str, int] = field(default_factory=dict, repr=False)
    _s_index: dict[str, int] = field(default_factory=dict, repr=False)

    @property
    def shape(self) -> tuple[int, int]:
        return len(self.participant_ids), len(self.statement_ids)

    def add_statements(self, statement_ids: Iterable[str]) -> None:
        """Make statements known (and listed in tables) even before anyone votes on them."""
        for sid in statement_ids:
            _index_of(str(sid), self.statement_ids, self._s_index)

    def add_participants(self, participant_ids: Iterable[str]) -> None:
        for pid in participant_ids:
            _index_of(str(pid), self.participant_ids, self._p_index)

    def merge(self, votes: Iterable[Vote]) -> int:
        """Add votes; a later vote on the same statement replaces the earlier one.

        Returns how many votes were read. Raises ValueError on a value other than -1, 0, 1.
        """
        fields = [(v.participant_id, v.statement_id, v.value, v.timestamp) for v in votes]
        if not fields:
            return 0
        pids, sids, raw_values, raw_times = zip(*fields, strict=True)
        values = np.array(raw_values, dtype=np.int64)
        wrong = ~np.isin(values, VOTE_VALUES)
        if wrong.any():
            raise ValueError(f"vote value must be -1, 0 or 1, not {values[wrong][0]!r}")
        times = np.array(raw_times, dtype=float)  # None becomes NaN
        rows = self._indices(list(map(str, pids)), self.participant_ids, self._p_index)
        cols = self._indices(list(map(str, sids)), self.statement_ids, self._s_index)
        start = int(self.seq.max()) + 1 if self.seq.size else 0
        self.rows = np.concatenate([self.rows, rows])
        self.cols = np.concatenate([self.cols, cols])
        self.values = np.concatenate([self.values, values.astype(np.int8)])
        self.times = np.concatenate([self.times, _fill_times(times, self.times)])
        self.seq = np.concatenate([self.seq, np.arange(start, start + len(rows), dtype=np.int64)])
        self._keep_latest()
        return len(rows)

    @staticmethod
    def _indices(keys: list[str], names: list[str], index: dict[str, int]) -> np.ndarray:
        for key in dict.fromkeys(keys):
            _index_of(key, names, index)
        return np.array(list(map(index.__getitem__, keys)), dtype=np.int64)

    def _keep_latest(self) -> None:
        order = np.lexsort((self.seq, self.times, self.cols, self.rows))
        r, c = self.rows[order], self.cols[order]
        last = np.ones(len(order), bool)
        last[:-1] = (r[1:] != r[:-1]) | (c[1:] != c[:-1])
        keep = order[last]
        for name in ("rows", "cols", "values", "times", "seq"):
            setattr(self, name, getattr(self, name)[keep])


def _index_of(key: str, names: list[str], index: dict[str, int]) -> int:
    found = index.get(key)
    if found is None:
        found = index[key] = len(names)
        names.append(key)
    return found


def _fill_times(new: np.ndarray, old: np.ndarray) -> np.ndarray:
    """A vote without a timestamp takes the latest time seen before it (ties: arrival)."""
    floor = np.nanmax(old) if old.size and not np.isnan(old).all() else -np.inf
    missing = np.isnan(new)
    known = np.where(missing, -np.inf, new)
    before = np.maximum.accumulate(np.concatenate([[floor], known]))[:-1]
    return np.where(missing, before, new)


@dataclass
class Indicators:
    """Sparse 0/1 matrices (participants x statements): agreed, disagreed, voted at all."""

    agree: sparse.csr_matrix
    disagree: sparse.csr_matrix
    seen: sparse.csr_matrix


def indicators(log: VoteLog, active: np.ndarray) -> Indicators:
    """Indicator matrices restricted to the ``active`` statements (a boolean mask)."""
    n, m = log.shape
    keep = active[log.cols] if log.cols.size else np.zeros(0, bool)
    r, c, v = log.rows[keep], log.cols[keep], log.values[keep]

    def build(mask: np.ndarray) -> sparse.csr_matrix:
        ones = np.ones(int(mask.sum()), np.float64)
        return sparse.csr_matrix((ones, (r[mask], c[mask])), shape=(n, m))

    return Indicators(
        agree=build(v == 1), disagree=build(v == -1), seen=build(np.ones_like(r, bool))
    )


def votes_per_participant(log: VoteLog) -> np.ndarray:
    """Votes each participant cast on any statement, withdrawn ones included (as Polis)."""
    return np.bincount(log.rows, minlength=log.shape[0])


def statements_voted(log: VoteLog) -> np.ndarray:
    """Boolean mask of statements with at least one vote."""
    return np.bincount(log.cols, minlength=log.shape[1]) > 0


def placed_participants(
    log: VoteLog, *, min_votes: int, greedy: int, already: np.ndarray | None = None
) -> np.ndarray:
    """Polis's rule for who is placed on the map and clustered.

    A participant is placed once they voted on ``min_votes`` statements, or on every voted
    statement when there are fewer; while fewer than ``greedy`` are placed, the most active
    others are added. Once placed, always placed (``already`` carries earlier updates), so
    nobody vanishes from the map between updates.
    """
    counts = votes_per_participant(log)
    n_statements = int(statements_voted(log).sum())
    placed = counts >= min(min_votes, n_statements)
    placed &= counts > 0
    if already is not None:
        placed[: len(already)] |= already
    missing = greedy - int(placed.sum())
    if missing > 0:
        candidates = np.flatnonzero(~placed & (counts > 0))
        ranked = candidates[np.argsort(-counts[candidates], kind="stable")]
        placed[ranked[:missing]] = True
    return placed
