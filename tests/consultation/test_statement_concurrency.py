"""On PostgreSQL, votes arriving at once: one browser double-clicking (20 requests for one
statement at the same moment) keeps one vote; 8 residents voting on every statement and
changing their minds, all at once, leave exactly one vote per resident and statement, each
the last one they cast. Threads use their own connections, as app servers do."""

import threading
from concurrent.futures import ThreadPoolExecutor

import pytest
from django.db import connection, connections

from consultation.models import Participant, StatementVote
from consultation.services.voting import vote_cast

pytestmark = [pytest.mark.postgres, pytest.mark.django_db(transaction=True)]


@pytest.fixture(autouse=True)
def _postgres_only():
    if connection.vendor != "postgresql":
        pytest.skip(
            "Needs PostgreSQL (set DATABASE_URL; CI does): SQLite lets one writer in at a time, "
            "so the races this test provokes cannot happen there."
        )


@pytest.fixture(autouse=True)
def _no_recompute():
    """The opinion groups are not what these tests measure: tests run tasks at once, in the
    voting thread, which a worker does not."""
    from analysis import handlers
    from participation.signals import votes_changed

    votes_changed.disconnect(dispatch_uid="analysis_opinion_groups")
    yield
    votes_changed.connect(handlers.votes_changed, dispatch_uid="analysis_opinion_groups")


def _statements_in_db(statements):
    from consultation.models import Statement

    return [
        Statement.objects.select_related("consultation", "source_comment").get(pk=s.pk)
        for s in statements
    ]


def test_one_browser_sending_20_votes_at_once_keeps_one(demo, statements):
    statement = _statements_in_db(statements)[0]
    barrier = threading.Barrier(20)

    def send(n: int) -> bool:
        try:
            barrier.wait()
            return vote_cast(
                statement=statement, value=1 if n % 2 else -1, token="t" * 32, language="ko"
            ).created
        finally:
            connections.close_all()

    with ThreadPoolExecutor(max_workers=20) as pool:
        created = list(pool.map(send, range(20)))
    assert created.count(True) == 1
    assert Participant.objects.count() == 1
    row = StatementVote.objects.get()
    assert row.changes <= 19 and row.value in (1, -1)


def test_8_residents_voting_and_changing_at_once_leave_one_vote_each(demo, statements):
    rows = _statements_in_db(statements)
    barrier = threading.Barrier(8)

    def resident(n: int) -> None:
        try:
            barrier.wait()
            for _round in range(5):
                for statement in rows:
                    vote_cast(statement=statement, value=1, token=f"{n:02d}" * 16, language="am")
            for statement in rows:  # the final word: disagree
                vote_cast(statement=statement, value=-1, token=f"{n:02d}" * 16, language="so")
        finally:
            connections.close_all()

    with ThreadPoolExecutor(max_workers=8) as pool:
        list(pool.map(resident, range(8)))
    assert Participant.objects.count() == 8
    assert StatementVote.objects.count() == 8 * len(rows)
    assert set(StatementVote.objects.values_list("value", "language", "changes")) == {(-1, "so", 1)}
