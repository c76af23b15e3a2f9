"""Updating a result as votes arrive agrees with computing it again from scratch."""

import numpy as np
import pytest

from analysis.engine.opinions import compute_opinions, update_opinions
from analysis.engine.opinions.clusters import KSmoother, choose_k
from analysis.evaluate.metrics import clustering_agreement

from .conftest import camp_votes


@pytest.fixture(scope="module")
def runs():
    votes = camp_votes()
    cut = int(len(votes) * 0.7)
    first = compute_opinions(votes[:cut])
    updated = first
    for batch in np.array_split(np.arange(cut, len(votes)), 3):
        updated = update_opinions(updated, [votes[i] for i in batch])
    return first, updated, compute_opinions(votes)


def _groups(result):
    return {p.participant_id: p.group for p in result.participants if p.group}


def test_updated_groups_match_a_full_recompute(runs):
    _, updated, full = runs
    assert updated.choice.k == full.choice.k == 3
    ours, theirs = _groups(updated), _groups(full)
    assert set(ours) == set(theirs)
    keys = sorted(ours)
    ari = clustering_agreement([ours[p] for p in keys], [theirs[p] for p in keys])["ari"]
    assert ari >= 0.95


def test_updated_consensus_and_tables_match_a_full_recompute(runs):
    _, updated, full = runs
    assert [c.statement_id for c in updated.opinion.common_ground] == [
        c.statement_id for c in full.opinion.common_ground
    ]
    assert "s29" in {c.statement_id for c in full.opinion.common_ground}
    assert updated.n_votes == full.n_votes
    assert [r.total for r in updated.opinion.table] == [r.total for r in full.opinion.table]


def test_updated_map_matches_a_full_recompute_up_to_mirroring(runs):
    _, updated, full = runs
    a = np.array([(p.x, p.y) for p in updated.participants])
    b = np.array([(p.x, p.y) for p in full.participants])
    for axis in (0, 1):
        assert abs(np.corrcoef(a[:, axis], b[:, axis])[0, 1]) > 0.99


def test_an_update_leaves_the_earlier_result_as_it_was(runs):
    first, updated, _ = runs
    assert first.n_votes < updated.n_votes
    assert first.state.log.rows.size == first.n_votes


def test_an_update_without_new_votes_keeps_the_groups(runs):
    _, updated, _ = runs
    again = update_opinions(updated)
    assert _groups(again) == _groups(updated)


def test_k_changes_only_after_the_new_best_k_wins_four_updates_in_a_row():
    choice, smoother = choose_k({2: 0.5, 3: 0.4}, KSmoother(), buffer=4, smooth=False)
    assert (choice.k, choice.rule) == (2, "silhouette")
    ks = []
    for _ in range(4):
        choice, smoother = choose_k({2: 0.4, 3: 0.5}, smoother, buffer=4, smooth=True)
        ks.append((choice.k, choice.rule))
    assert ks == [(2, "smoothed")] * 3 + [(3, "silhouette")]
