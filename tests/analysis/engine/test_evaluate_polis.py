"""The Polis evaluation's own arithmetic (no shared data needed)."""

import pytest

from analysis.engine.opinions import Vote
from analysis.evaluate.polis import consensus_overlap, group_informed_consensus, latest_votes


def test_latest_votes_keep_the_last_vote_by_time():
    votes = [Vote("p", "s", 1, 5.0), Vote("p", "s", -1, 9.0), Vote("q", "s", 0, 1.0)]
    assert latest_votes(votes) == {("p", "s"): -1, ("q", "s"): 0}


def test_group_informed_consensus_multiplies_each_groups_agree_probability():
    latest = {("a", "s"): 1, ("b", "s"): 1, ("c", "s"): -1, ("d", "s"): 0}
    scores = group_informed_consensus(latest, {"a": "0", "b": "0", "c": "1", "d": "1"}, ["s"])
    # group 0: (2 + 1) / (2 + 2); group 1: (0 + 1) / (2 + 2)
    assert scores["s"] == pytest.approx(3 / 4 * 1 / 4)


def test_consensus_overlap_is_jaccard_of_the_top_statements():
    ours = {f"s{i}": 1 - i / 20 for i in range(12)}
    theirs = dict(ours, s0=0.0)
    out = consensus_overlap(ours, theirs)
    assert out["jaccard_top5"] == pytest.approx(4 / 6)
    assert out["jaccard_top10"] == pytest.approx(9 / 11)
