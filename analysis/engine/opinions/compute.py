"""Opinion groups from votes, from scratch or as an update of an earlier result.

The steps are Polis's: vote matrix, placed participants, two principal components with the
sparsity-aware projection, base clusters, 2-5 groups by silhouette, representative statements,
group-informed consensus; then the same consensus across languages, channels and districts.
"""

from __future__ import annotations

import copy
import string
from collections.abc import Iterable
from dataclasses import dataclass, field

import numpy as np

from . import clusters as cl
from . import pca
from .comparison import compare, group_counts
from .matrix import VoteLog, indicators, placed_participants, statements_voted
from .repness import group_stats, overall_consensus, representative
from .types import (
    ATTRIBUTE_KINDS,
    GroupChoice,
    OpinionGroup,
    OpinionOptions,
    OpinionResult,
    ParticipantAttributes,
    PlacedParticipant,
    Vote,
)


@dataclass
class OpinionState:
    """What an update starts from: the votes so far and the last components and clusters."""

    options: OpinionOptions
    log: VoteLog = field(default_factory=VoteLog)
    attributes: dict[str, ParticipantAttributes] = field(default_factory=dict)
    withdrawn: frozenset[str] = frozenset()
    placed: np.ndarray | None = None
    components: np.ndarray | None = None
    clusters: cl.ClusterState = field(default_factory=cl.ClusterState)

    def copy(self) -> OpinionState:
        """An independent copy; attribute records are immutable and shared."""
        clone = copy.copy(self)
        clone.log = copy.deepcopy(self.log)
        clone.attributes = dict(self.attributes)
        clone.clusters = copy.deepcopy(self.clusters)
        return clone


def compute_opinions(
    votes: Iterable[Vote],
    *,
    attributes: Iterable[ParticipantAttributes] = (),
    statement_ids: Iterable[str] = (),
    withdrawn_statements: Iterable[str] = (),
    options: OpinionOptions | None = None,
) -> OpinionResult:
    """Groups, consensus and agreement tables computed from scratch.

    ``statement_ids`` lists statements to show even if nobody voted on them yet;
    ``withdrawn_statements`` are left out of every output (Polis's moderated-out statements:
    their votes still count towards placing a participant).
    """
    state = OpinionState(options=options or OpinionOptions())
    _ingest(state, votes, attributes, statement_ids, withdrawn_statements)
    return _run(state, warm=False)


def update_opinions(
    previous: OpinionResult,
    votes: Iterable[Vote] = (),
    *,
    attributes: Iterable[ParticipantAttributes] = (),
    statement_ids: Iterable[str] = (),
    withdrawn_statements: Iterable[str] | None = None,
) -> OpinionResult:
    """``previous`` plus new votes, without starting over.

    The components start from the previous ones (a few power iterations), clusters from the
    previous centres, placed participants stay placed, and the number of groups changes only
    after a new best k has won several updates in a row, so the map stays steady as votes
    arrive. ``previous`` is not changed.
    """
    state = previous.state.copy()
    _ingest(state, votes, attributes, statement_ids, withdrawn_statements)
    return _run(state, warm=True)


def _ingest(state, votes, attributes, statement_ids, withdrawn) -> None:
    state.log.add_statements(statement_ids)
    state.log.merge(votes)
    for attrs in attributes:
        state.attributes[str(attrs.participant_id)] = attrs
    if withdrawn is not None:
        state.withdrawn = frozenset(str(s) for s in withdrawn)


def _run(state: OpinionState, *, warm: bool) -> OpinionResult:
    opts, log = state.options, state.log
    withdrawn = np.array([s in state.withdrawn for s in log.statement_ids], bool)
    voted = statements_voted(log)
    ind = indicators(log, ~withdrawn)
    centred, center = pca.centred_votes(ind)
    start = state.components if warm else None
    comps = pca.fit(centred, center, start, iterations=opts.pca_iterations, seed=opts.seed)
    seen_rows = np.asarray(ind.seen.sum(axis=1)).ravel()
    xy = pca.project(
        centred, comps, seen_rows, int((voted & ~withdrawn).sum()), int((voted & withdrawn).sum())
    )
    placed = placed_participants(
        log,
        min_votes=opts.min_votes,
        greedy=opts.greedy_participants,
        already=state.placed if warm else None,
    )
    group_of, choice = _groups(state, xy, placed, warm=warm)
    labels, membership, centres = _label(group_of, xy)
    columns = np.flatnonzero(~withdrawn)
    opinion = compare("opinion", labels, membership, ind, log.statement_ids, columns)
    groups = _opinion_groups(labels, membership, centres, ind, log, columns, opts)
    state.placed, state.components = placed, comps.components
    totals = [
        np.asarray(m.sum(axis=0)).ravel()[columns] for m in (ind.agree, ind.disagree, ind.seen)
    ]
    agree_c, disagree_c = overall_consensus(
        *totals, [log.statement_ids[j] for j in columns], opts.top_consensus
    )
    return OpinionResult(
        statement_ids=tuple(log.statement_ids[j] for j in columns),
        participants=_participants(log, xy, placed, membership, labels),
        groups=groups,
        choice=choice,
        opinion=opinion,
        attributes=_attribute_comparisons(state, ind, columns),
        consensus_agree=agree_c,
        consensus_disagree=disagree_c,
        n_votes=int(log.rows.size),
        state=state,
    )


def _groups(state: OpinionState, xy, placed, *, warm: bool) -> tuple[np.ndarray, GroupChoice]:
    """Each participant's group index (-1: not placed) and how k was chosen."""
    opts, cs = state.options, state.clusters
    group_of = np.full(len(xy), -1)
    points = xy[placed]
    if not len(points):
        return group_of, GroupChoice(0, "nobody-placed")
    if cl.distinct_count(points) < 2:
        group_of[placed] = 0
        return group_of, GroupChoice(1, "one-position")
    base = cl.base_clusters(
        points,
        k_max=opts.base_clusters,
        start=cs.base_centers if warm else None,
        iterations=opts.kmeans_iterations,
        seed=opts.seed,
    )
    weights = np.bincount(base.labels, minlength=len(base.centers)).astype(float)
    used = np.flatnonzero(weights > 0)
    centres, weights = base.centers[used], weights[used]
    base_of = np.searchsorted(used, base.labels)
    if len(centres) < 2:  # an update's clusters collapsed onto one position
        group_of[placed] = 0
        return group_of, GroupChoice(1, "one-position")
    ks = range(2, cl.max_groups(len(centres), opts.max_groups) + 1)
    clusterings = cl.group_clusterings(
        centres,
        weights,
        ks=ks,
        previous=cs.group_centers if warm else {},
        restarts=opts.group_restarts,
        iterations=opts.kmeans_iterations,
        seed=opts.seed,
    )
    scores = {k: cl.silhouette(centres, c.labels) for k, c in clusterings.items()}
    choice, cs.smoother = cl.choose_k(scores, cs.smoother, buffer=opts.k_buffer, smooth=warm)
    cs.base_centers = centres
    cs.group_centers = {k: c.centers for k, c in clusterings.items()}
    group_of[placed] = clusterings[choice.k].labels[base_of]
    return group_of, choice


def _label(group_of: np.ndarray, xy: np.ndarray):
    """Groups named A, B, ... from the largest (equal sizes: the one whose first member
    appeared first in the votes), whatever order k-means numbered them in."""
    present = [g for g in np.unique(group_of) if g >= 0]
    sizes = {g: int((group_of == g).sum()) for g in present}
    first = {g: int(np.argmax(group_of == g)) for g in present}
    order = sorted(present, key=lambda g: (-sizes[g], first[g]))
    labels = [string.ascii_uppercase[i] for i in range(len(order))]
    membership = np.full(len(group_of), -1)
    centres = []
    for i, g in enumerate(order):
        members = group_of == g
        membership[members] = i
        centres.append(tuple(float(v) for v in xy[members].mean(axis=0)))
    return labels, membership, centres


def _opinion_groups(labels, membership, centres, ind, log, columns, opts):
    ids = [log.statement_ids[j] for j in columns]
    reps: list[tuple] = [() for _ in labels]
    if len(labels) >= 2:
        agree, disagree, seen = (c[:, columns] for c in group_counts(membership, len(labels), ind))
        stats = group_stats(agree, disagree, seen)
        reps = [representative(stats, g, ids, opts.top_representative) for g in range(len(labels))]
    pids = np.asarray(log.participant_ids, dtype=object)
    return tuple(
        OpinionGroup(label, tuple(pids[membership == g]), centres[g], reps[g])
        for g, label in enumerate(labels)
    )


def _participants(log, xy, placed, membership, labels) -> tuple[PlacedParticipant, ...]:
    counts = np.bincount(log.rows, minlength=len(log.participant_ids))
    return tuple(
        PlacedParticipant(
            participant_id=pid,
            x=float(xy[i, 0]),
            y=float(xy[i, 1]),
            n_votes=int(counts[i]),
            placed=bool(placed[i]),
            group=labels[membership[i]] if membership[i] >= 0 else None,
        )
        for i, pid in enumerate(log.participant_ids)
        if counts[i] > 0
    )


def _attribute_comparisons(state: OpinionState, ind, columns) -> dict:
    """Every voter counts here, placed or not: a language community's view needs no map."""
    out = {}
    counts = np.bincount(state.log.rows, minlength=len(state.log.participant_ids))
    for kind in ATTRIBUTE_KINDS:
        values = [
            getattr(state.attributes.get(pid), kind, None) if counts[i] else None
            for i, pid in enumerate(state.log.participant_ids)
        ]
        keys = sorted({v for v in values if v})
        if not keys:
            continue
        index = {k: i for i, k in enumerate(keys)}
        membership = np.array([index.get(v, -1) if v else -1 for v in values])
        out[kind] = compare(kind, keys, membership, ind, state.log.statement_ids, columns)
    return out
