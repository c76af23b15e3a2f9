"""A small conversation worked out by hand (no database).

Eight participants, four statements, everyone votes on everything:

    statement   X camp (p1-p4)   Y camp (p5-p8)
    s1          agree            disagree
    s2          agree            disagree
    s3          disagree         agree
    s4          agree            agree

Languages cut across the camps: ko = p1, p2, p3, p5 (three X, one Y); so = p4, p6, p7, p8.

By hand: the mean vote is (0, 0, 0, 1), so centred rows are (1, 1, -1, 0) and (-1, -1, 1, 0);
the first component is (1, 1, -1, 0) / sqrt(3) (largest loading positive: s1), the second is
zero (rank one). X sits at (sqrt(3), 0), Y at (-sqrt(3), 0). Two positions give two base
clusters and k = 2: group A is X (equal sizes; p1 voted first), B is Y.

For group A on s1: agrees 4 of 4, the rest 0 of 4. pa = 5/6, rest 1/6, ratio 5;
pat = 2 sqrt(5) (5/5 - 1/2) = sqrt(5); rat: (5/5 - 1/5) / sqrt(0.6 x 0.4 x (1/5 + 1/5))
= 0.8 / sqrt(0.096) = 2.5820. Both clear 1.2816.
"""

import math

import pytest

from analysis.engine.opinions import ParticipantAttributes, Vote, compute_opinions

X = {"s1": 1, "s2": 1, "s3": -1, "s4": 1}
Y = {"s1": -1, "s2": -1, "s3": 1, "s4": 1}
KO = {"p1", "p2", "p3", "p5"}
RAT = 0.8 / math.sqrt(0.096)  # 2.5820


@pytest.fixture(scope="module")
def result():
    votes = [
        Vote(f"p{i}", sid, (X if i <= 4 else Y)[sid], timestamp=i * 10 + j)
        for i in range(1, 9)
        for j, sid in enumerate(X)
    ]
    attrs = [
        ParticipantAttributes(f"p{i}", language="ko" if f"p{i}" in KO else "so")
        for i in range(1, 9)
    ]
    return compute_opinions(votes, attributes=attrs)


def test_the_two_camps_become_the_two_groups(result):
    assert result.choice.k == 2
    assert [g.label for g in result.groups] == ["A", "B"]
    assert set(result.groups[0].participant_ids) == {"p1", "p2", "p3", "p4"}
    assert set(result.groups[1].participant_ids) == {"p5", "p6", "p7", "p8"}
    assert result.n_placed == 8


def test_camps_sit_at_plus_and_minus_root_three_on_the_map(result):
    where = {p.participant_id: (p.x, p.y) for p in result.participants}
    assert where["p1"] == pytest.approx((math.sqrt(3), 0.0), abs=1e-9)
    assert where["p8"] == pytest.approx((-math.sqrt(3), 0.0), abs=1e-9)
    assert result.groups[0].center == pytest.approx((math.sqrt(3), 0.0), abs=1e-9)


def test_group_a_is_represented_by_its_agreements_first_then_its_disagreement(result):
    reps = result.groups[0].representative
    assert [(r.statement_id, r.direction) for r in reps] == [
        ("s1", "agree"),
        ("s2", "agree"),
        ("s3", "disagree"),
    ]
    s1 = reps[0]
    assert s1.best_agree is True
    assert (s1.n_success, s1.n_trials) == (4, 4)
    assert s1.probability == pytest.approx(5 / 6)
    assert s1.probability_z == pytest.approx(math.sqrt(5))
    assert s1.ratio == pytest.approx(5.0)
    assert s1.ratio_z == pytest.approx(RAT, abs=1e-4)


def test_group_b_leads_with_the_statement_it_agrees_with(result):
    reps = result.groups[1].representative
    assert [(r.statement_id, r.direction) for r in reps] == [
        ("s3", "agree"),
        ("s1", "disagree"),
        ("s2", "disagree"),
    ]
    assert reps[0].best_agree is True


def test_the_statement_both_groups_agree_with_is_the_group_informed_consensus(result):
    top, *rest = result.opinion.consensus
    assert top.statement_id == "s4"
    assert top.score == pytest.approx(25 / 36)
    assert top.majority_in_every_group is True
    assert [c.score for c in rest] == pytest.approx([5 / 36] * 3)
    assert [c.statement_id for c in result.opinion.common_ground] == ["s4"]


def test_the_other_three_statements_divide_the_groups(result):
    divisive = {d.statement_id: d for d in result.opinion.divisive}
    assert set(divisive) == {"s1", "s2", "s3"}
    assert (divisive["s1"].most_agreeing, divisive["s1"].least_agreeing) == ("A", "B")
    assert (divisive["s3"].most_agreeing, divisive["s3"].least_agreeing) == ("B", "A")
    assert divisive["s1"].spread == pytest.approx(4 / 6)
    assert divisive["s1"].z == pytest.approx(RAT, abs=1e-4)


def test_language_communities_share_s4_and_split_on_s1_and_s3(result):
    language = result.attributes["language"]
    assert language.groups == ("ko", "so")
    assert language.sizes == {"ko": 4, "so": 4}
    assert [c.statement_id for c in language.common_ground] == ["s4"]
    assert language.common_ground[0].score == pytest.approx(25 / 36)
    # s1: ko agrees 3 of 4 (4/6), so 1 of 4 (2/6); two-proportion z with pseudo-counts:
    # (4/5 - 2/5) / sqrt(0.6 x 0.4 x 2/5) = 1.2910, just over 1.2816.
    split = {d.statement_id: d for d in language.divisive}
    assert set(split) == {"s1", "s2", "s3"}
    assert (split["s1"].most_agreeing, split["s1"].least_agreeing) == ("ko", "so")
    assert (split["s3"].most_agreeing, split["s3"].least_agreeing) == ("so", "ko")
    assert split["s1"].spread == pytest.approx(1 / 3)
    assert split["s1"].z == pytest.approx(0.4 / math.sqrt(0.096), abs=1e-4)


def test_agreement_tables_hold_the_raw_counts(result):
    by_statement = {row.statement_id: row for row in result.attributes["language"].table}
    s1 = by_statement["s1"]
    assert (s1.counts["ko"].agree, s1.counts["ko"].disagree, s1.counts["ko"].passed) == (3, 1, 0)
    assert (s1.total.agree, s1.total.disagree) == (4, 4)
    opinion = {row.statement_id: row for row in result.opinion.table}
    assert opinion["s4"].counts["B"].agree == 4


def test_overall_consensus_is_s4_only(result):
    assert [c.statement_id for c in result.consensus_agree] == ["s4"]
    s4 = result.consensus_agree[0]
    assert s4.probability == pytest.approx(9 / 10)
    assert s4.probability_z == pytest.approx(3.0)
    assert result.consensus_disagree == ()


def test_channel_and_district_are_absent_when_nobody_has_them(result):
    assert set(result.attributes) == {"language"}
