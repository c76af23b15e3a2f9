"""On PostgreSQL, many residents sending at once: 20 clients x 50 comments, each form sent twice
(a retry), store exactly 1,000 comments with no duplicates; 20 simultaneous sends of one form
store one. Threads use their own database connections, as app servers do."""

import threading
import uuid
from concurrent.futures import ThreadPoolExecutor

import pytest
from django.db import connection, connections

from consultation.models import Comment, ModerationDecision
from tests.factories import submit_comment

from .comment_helpers import RIGHT, draft

pytestmark = [pytest.mark.postgres, pytest.mark.django_db(transaction=True)]

CLIENTS = 20
COMMENTS_EACH = 50


@pytest.fixture(autouse=True)
def _postgres_only():
    if connection.vendor != "postgresql":
        pytest.skip(
            "Needs PostgreSQL (set DATABASE_URL; CI does): SQLite lets one writer in at a time, "
            "so the races this test provokes cannot happen there."
        )


def _send(page, token: str, text: str, language: str = "en"):
    return submit_comment(
        page, right_key=RIGHT, text=text, language=language, submission_token=token
    )


def test_20_clients_sending_50_comments_each_store_exactly_1000(demo):
    page = draft(demo)
    topics = ["phones", "letters", "waiting", "interpreters", "buses", "parks", "permits"]

    def client(number: int) -> int:
        created = 0
        try:
            for index in range(COMMENTS_EACH):
                token = uuid.uuid4().hex
                text = (
                    f"Resident {number} writes about {topics[index % len(topics)]}: "
                    f"comment {index} with its own words {uuid.uuid4().hex[:8]}."
                )
                for _attempt in range(2):  # a double submit or a network retry
                    created += _send(page, token, text).created
        finally:
            connections.close_all()
        return created

    with ThreadPoolExecutor(max_workers=CLIENTS) as pool:
        created = sum(pool.map(client, range(CLIENTS)))
    total = CLIENTS * COMMENTS_EACH
    assert created == total
    assert Comment.objects.count() == total
    assert Comment.objects.values("submission_token").distinct().count() == total
    assert Comment.objects.values("reference").distinct().count() == total
    assert ModerationDecision.objects.filter(action="hold").count() == total


def test_one_form_sent_20_times_at_once_stores_one_comment(demo):
    page = draft(demo)
    token = uuid.uuid4().hex
    barrier = threading.Barrier(CLIENTS)

    def send(_n: int) -> str:
        try:
            barrier.wait()
            return _send(page, token, "Sent many times at once").comment.reference
        finally:
            connections.close_all()

    with ThreadPoolExecutor(max_workers=CLIENTS) as pool:
        references = set(pool.map(send, range(CLIENTS)))
    assert Comment.objects.count() == 1
    assert references == {Comment.objects.get().reference}
