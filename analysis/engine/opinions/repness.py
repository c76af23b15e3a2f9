"""Polis's representative statements per group and its overall consensus statements.

A statement represents a group when the group agrees (or disagrees) with it more than the other
groups do: the ratio of the two pseudo-count probabilities, with a two-proportion z-test, and
the in-group probability with a one-proportion z-test. The selection rules (both tests
significant at 90%; otherwise the single best; the group's best agreed statement first; at most
five; agreements before disagreements) are Polis's.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from .stats import Z_90, prop_test, pseudo_probability, two_prop_test
from .types import RepresentativeStatement, StatementStat


@dataclass
class GroupStats:
    """Arrays (groups x statements) of Polis's repness figures."""

    na: np.ndarray
    nd: np.ndarray
    ns: np.ndarray
    pa: np.ndarray
    pd: np.ndarray
    pat: np.ndarray
    pdt: np.ndarray
    ra: np.ndarray
    rd: np.ndarray
    rat: np.ndarray
    rdt: np.ndarray


def group_stats(agree: np.ndarray, disagree: np.ndarray, seen: np.ndarray) -> GroupStats:
    """Each group against the other groups together, for every statement at once."""
    rest_a = agree.sum(axis=0) - agree
    rest_d = disagree.sum(axis=0) - disagree
    rest_s = seen.sum(axis=0) - seen
    pa, pd = pseudo_probability(agree, seen), pseudo_probability(disagree, seen)
    return GroupStats(
        na=agree,
        nd=disagree,
        ns=seen,
        pa=pa,
        pd=pd,
        pat=prop_test(agree, seen),
        pdt=prop_test(disagree, seen),
        ra=pa / pseudo_probability(rest_a, rest_s),
        rd=pd / pseudo_probability(rest_d, rest_s),
        rat=two_prop_test(agree, rest_a, seen, rest_s),
        rdt=two_prop_test(disagree, rest_d, seen, rest_s),
    )


def _finalise(
    st: GroupStats, g: int, j: int, sid: str, best_agree=False
) -> RepresentativeStatement:
    if st.rat[g, j] > st.rdt[g, j]:
        fields = ("agree", st.na, st.pa, st.pat, st.ra, st.rat)
    else:
        fields = ("disagree", st.nd, st.pd, st.pdt, st.rd, st.rdt)
    direction, n, p, pt, r, rt = fields
    return RepresentativeStatement(
        statement_id=sid,
        direction=direction,
        n_success=int(n[g, j]),
        n_trials=int(st.ns[g, j]),
        probability=float(p[g, j]),
        probability_z=float(pt[g, j]),
        ratio=float(r[g, j]),
        ratio_z=float(rt[g, j]),
        best_agree=best_agree,
    )


def _beats_best_agree(st: GroupStats, g: int, j: int, best: int | None) -> bool:
    """Polis's running test for a group's best agreed statement (order-dependent, as Polis)."""
    if st.na[g, j] == 0 and st.nd[g, j] == 0:
        return False
    if best is not None and st.ra[g, best] > 1.0:
        here = st.ra[g, j] * st.rat[g, j] * st.pa[g, j] * st.pat[g, j]
        return here > st.ra[g, best] * st.rat[g, best] * st.pa[g, best] * st.pat[g, best]
    if best is not None:
        return st.pa[g, j] * st.pat[g, j] > st.pa[g, best] * st.pat[g, best]
    return bool(st.pat[g, j] > Z_90 or (st.ra[g, j] > 1.0 and st.pa[g, j] > 0.5))


def _metric(rep: RepresentativeStatement) -> float:
    return rep.ratio * rep.ratio_z * rep.probability * rep.probability_z


def representative(
    st: GroupStats, g: int, statement_ids: list[str], top: int
) -> tuple[RepresentativeStatement, ...]:
    """Polis's selection of the statements that set group ``g`` apart."""
    passes = ((st.rat[g] > Z_90) & (st.pat[g] > Z_90)) | ((st.rdt[g] > Z_90) & (st.pdt[g] > Z_90))
    best_agree = None
    for j in range(len(statement_ids)):
        if _beats_best_agree(st, g, j, best_agree):
            best_agree = j
    head = []
    if best_agree is not None:
        head = [_finalise(st, g, best_agree, statement_ids[best_agree], best_agree=True)]
    sufficient = [j for j in np.flatnonzero(passes) if j != best_agree]
    if not passes.any():
        if head:
            return tuple(head)
        strongest = np.maximum(st.rat[g], st.rdt[g])
        if not len(strongest):
            return ()
        j = int(np.argmax(strongest))
        return (_finalise(st, g, j, statement_ids[j]),)
    reps = sorted(
        (_finalise(st, g, j, statement_ids[j]) for j in sufficient), key=_metric, reverse=True
    )
    chosen = (head + reps)[:top]
    return tuple(r for r in chosen if r.direction == "agree") + tuple(
        r for r in chosen if r.direction == "disagree"
    )


def overall_consensus(
    agree: np.ndarray, disagree: np.ndarray, seen: np.ndarray, statement_ids: list[str], top: int
) -> tuple[tuple[StatementStat, ...], tuple[StatementStat, ...]]:
    """Polis's consensus over every voter: more than half agree (or disagree), significantly,
    ranked by probability x z; at most ``top`` each way."""
    out = []
    for direction, count in (("agree", agree), ("disagree", disagree)):
        p, z = pseudo_probability(count, seen), prop_test(count, seen)
        keep = np.flatnonzero((p > 0.5) & (z > Z_90))
        ranked = sorted(keep, key=lambda j: (-(p[j] * z[j]), j))[:top]
        out.append(
            tuple(
                StatementStat(
                    statement_ids[j],
                    direction,
                    int(count[j]),
                    int(seen[j]),
                    float(p[j]),
                    float(z[j]),
                )
                for j in ranked
            )
        )
    return out[0], out[1]
