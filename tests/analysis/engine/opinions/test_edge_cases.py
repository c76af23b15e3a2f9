"""Conversations at the edges: agreement everywhere, one voter, only passes, unseen statements,
changed votes, withdrawn statements and who gets placed on the map."""

import pytest

from analysis.engine.opinions import ParticipantAttributes, Vote, compute_opinions

STATEMENTS = ["s1", "s2", "s3"]


def everyone(value, n=6, statements=STATEMENTS):
    return [Vote(f"p{i}", s, value) for i in range(n) for s in statements]


def test_when_everyone_agrees_there_is_one_group_and_everything_is_common_ground():
    result = compute_opinions(everyone(1))
    assert result.choice.k == 1
    assert result.choice.rule == "one-position"
    assert [g.size for g in result.groups] == [6]
    assert result.groups[0].representative == ()  # nobody else to differ from
    assert [c.statement_id for c in result.opinion.common_ground] == STATEMENTS
    assert result.opinion.consensus[0].score == pytest.approx(7 / 8)
    assert result.opinion.divisive == ()
    assert {c.statement_id for c in result.consensus_agree} == set(STATEMENTS)


def test_a_single_participant_is_placed_alone():
    result = compute_opinions([Vote("only", "s1", 1), Vote("only", "s2", -1)])
    assert result.n_placed == 1
    assert [g.participant_ids for g in result.groups] == [("only",)]
    assert result.participants[0].group == "A"
    assert [c.statement_id for c in result.opinion.common_ground] == ["s1"]


def test_when_everyone_passes_nothing_is_common_ground_or_consensus():
    result = compute_opinions(everyone(0))
    assert result.choice.k == 1
    assert result.opinion.common_ground == ()
    assert result.consensus_agree == () and result.consensus_disagree == ()
    row = result.opinion.table[0]
    assert (row.total.passed, row.total.seen) == (6, 6)


def test_a_statement_nobody_saw_is_listed_with_zero_votes_and_never_claimed():
    votes = [
        Vote(f"p{i}", s, 1 if (i < 4) == (s == "s1") else -1) for i in range(8) for s in STATEMENTS
    ]
    result = compute_opinions(votes, statement_ids=["s1", "s2", "s3", "unseen"])
    assert result.statement_ids == ("s1", "s2", "s3", "unseen")
    row = {r.statement_id: r for r in result.opinion.table}["unseen"]
    assert row.total.seen == 0
    unseen = {c.statement_id: c for c in result.opinion.consensus}["unseen"]
    assert unseen.majority_in_every_group is False
    assert unseen.score == pytest.approx(0.5**result.choice.k)
    assert "unseen" not in {d.statement_id for d in result.opinion.divisive}
    assert all(r.statement_id != "unseen" for g in result.groups for r in g.representative)


def test_nobody_voting_gives_an_empty_result():
    result = compute_opinions([], statement_ids=["s1"])
    assert result.groups == () and result.participants == ()
    assert result.choice.rule == "nobody-placed"
    assert result.opinion.table[0].total.seen == 0


def test_the_latest_vote_counts_whatever_order_votes_arrive_in():
    votes = [Vote("p", "s1", -1, timestamp=20), Vote("p", "s1", 1, timestamp=10)]
    result = compute_opinions(votes)
    assert result.opinion.table[0].total.disagree == 1
    assert result.n_votes == 1


def test_without_timestamps_the_later_vote_in_the_list_counts():
    result = compute_opinions([Vote("p", "s1", 1), Vote("p", "s1", 0)])
    assert result.opinion.table[0].total.passed == 1


def test_a_vote_value_other_than_minus_one_zero_one_is_refused():
    with pytest.raises(ValueError, match="-1, 0 or 1"):
        compute_opinions([Vote("p", "s1", 2)])


def test_withdrawn_statements_leave_every_output_but_still_count_towards_placing():
    statements = [f"s{i}" for i in range(7)]
    votes = [Vote(f"p{i}", s, 1) for i in range(20) for s in statements]
    result = compute_opinions(votes, withdrawn_statements={"s6"})
    assert "s6" not in result.statement_ids
    assert all(row.statement_id != "s6" for row in result.opinion.table)
    # Seven votes each, one on the withdrawn statement: still placed, as in Polis.
    assert result.n_placed == 20


def test_participants_with_fewer_than_seven_votes_stay_off_the_map():
    statements = [f"s{i}" for i in range(10)]
    votes = [
        Vote(f"keen{i}", s, (-1) ** (i + j)) for i in range(16) for j, s in enumerate(statements)
    ]
    votes += [Vote(f"brief{i}", s, 1) for i in range(3) for s in statements[:6]]
    votes += [Vote("seven", s, 1) for s in statements[:7]]
    result = compute_opinions(votes)
    placed = {p.participant_id for p in result.participants if p.placed}
    assert "seven" in placed
    assert not placed & {"brief0", "brief1", "brief2"}
    brief = next(p for p in result.participants if p.participant_id == "brief0")
    assert brief.group is None and brief.n_votes == 6


def test_with_few_participants_the_most_active_are_placed_to_make_fifteen():
    votes = [Vote(f"p{i}", f"s{j}", 1) for i in range(20) for j in range(1 + i % 5)]
    result = compute_opinions(votes, statement_ids=[f"s{j}" for j in range(10)])
    assert result.n_placed == 15
    counts = sorted((p.n_votes for p in result.participants if p.placed), reverse=True)
    assert min(counts) >= 2  # the five who voted once are the ones left off


def test_language_consensus_counts_unplaced_voters_and_skips_unknown_languages():
    votes = [Vote(f"p{i}", "s1", 1) for i in range(4)]
    attrs = [
        ParticipantAttributes("p0", language="am"),
        ParticipantAttributes("p1", language="am"),
        ParticipantAttributes("p2", language="ru"),
        ParticipantAttributes("p3"),
    ]
    result = compute_opinions(votes, attributes=attrs)
    language = result.attributes["language"]
    assert language.groups == ("am", "ru")
    assert language.sizes == {"am": 2, "ru": 1}
    assert language.table[0].total.seen == 3
    assert [c.statement_id for c in language.common_ground] == ["s1"]


def test_a_language_community_that_never_saw_a_statement_does_not_support_it():
    votes = [Vote("p0", "s1", 1), Vote("p0", "s2", 1), Vote("p1", "s1", 1)]
    attrs = [ParticipantAttributes("p0", language="ko"), ParticipantAttributes("p1", language="tl")]
    language = compute_opinions(votes, attributes=attrs).attributes["language"]
    assert [c.statement_id for c in language.common_ground] == ["s1"]


def test_building_votes_and_reading_results_needs_neither_django_nor_numpy():
    import os
    import subprocess
    import sys
    from pathlib import Path

    code = (
        "import sys; from analysis.engine.opinions import Vote, VoteCounts;"
        "Vote('p', 's', 1); VoteCounts(1, 0, 0).agree_probability;"
        "print('django' in sys.modules, 'numpy' in sys.modules)"
    )
    env = {k: v for k, v in os.environ.items() if k != "DJANGO_SETTINGS_MODULE"}
    env["PYTHONPATH"] = str(Path(__file__).resolve().parents[4])
    out = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, env=env, check=True
    )
    assert out.stdout.split() == ["False", "False"]
