"""Residents vote on statements without an account: one vote per statement per browser, a
later vote replaces the earlier one, the language of the page is recorded, abuse limits and
the consultation's dates apply; statements residents propose are moderated as comments first;
staff enter paper and meeting ballots as a batch with where they came from."""

import re

import pytest
from django.test import Client, override_settings
from django.utils import timezone

from consultation import services
from consultation.models import (
    Comment,
    CommentPurpose,
    CommentStatus,
    Participant,
    StatementStatus,
    StatementVote,
    VoteBatch,
)
from consultation.services.voting import VoteRefused, statement_propose, vote_cast
from participation.values import Origin

from .statement_helpers import TEXTS, consultation, shown_key, vote, vote_url

pytestmark = pytest.mark.django_db


def test_vote_page_shows_the_statement_in_the_readers_language(client, demo, statements):
    html = client.get(vote_url(demo, "ko")).content.decode()
    assert TEXTS["ko"] in html
    assert 'lang="ko"' in html
    # The untranslated second statement is listed in English, marked as such.
    html = client.get(vote_url(demo, "ko") + f"?statement={statements[1].translation_key}")
    assert 'lang="en"' in html.content.decode()


def test_a_vote_without_an_account_sets_a_token_and_moves_to_the_next_statement(
    client, demo, statements
):
    url = vote_url(demo, "so")
    response = vote(client, url, statements[0], 1)
    assert response.status_code == 302
    token = response.cookies["consult_participant"]
    assert token["httponly"] and len(token.value) >= 30
    stored = StatementVote.objects.get()
    assert (stored.value, stored.language) == (1, "so")
    assert not Participant.objects.filter(token_hash=token.value).exists()  # only its hash
    assert shown_key(client, url) == str(statements[1].translation_key)


def test_changing_a_vote_replaces_it_and_counts_the_change(client, demo, statements):
    url = vote_url(demo)
    vote(client, url, statements[0], 1)
    vote(client, url, statements[0], -1)
    vote(client, url, statements[0], -1)  # the same vote again is no change
    row = StatementVote.objects.get()
    assert (row.value, row.changes) == (-1, 1)
    html = client.get(url).content.decode()
    assert "Your votes" in html and "Disagree" in html


def test_a_get_never_creates_a_participant(client, demo, statements):
    client.get(vote_url(demo))
    assert Participant.objects.count() == 0


def test_two_browsers_are_two_participants(client, demo, statements):
    vote(client, vote_url(demo), statements[0], 1)
    vote(Client(), vote_url(demo, "am"), statements[0], 0)
    assert Participant.objects.count() == 2
    assert sorted(StatementVote.objects.values_list("language", flat=True)) == ["am", "en"]


def test_a_withdrawn_statement_takes_no_votes(client, demo, statements):
    statements[2].status = StatementStatus.WITHDRAWN
    statements[2].save()
    response = vote(client, vote_url(demo), statements[2], 1)
    assert response.status_code == 400
    assert StatementVote.objects.count() == 0


def test_an_unknown_value_or_statement_is_refused(client, demo, statements):
    assert vote(client, vote_url(demo), statements[0], 5).status_code == 400
    assert vote(client, vote_url(demo), "not-a-key", 1).status_code == 400
    assert StatementVote.objects.count() == 0


def test_votes_close_with_the_consultation(client, demo, statements):
    page = consultation(demo)
    page.closes_at = timezone.now() - timezone.timedelta(days=1)
    page.opens_at = page.closes_at - timezone.timedelta(days=30)
    page.save()
    assert vote(client, vote_url(demo), statements[0], 1).status_code == 403
    assert "not open for votes" in client.get(vote_url(demo)).content.decode()
    assert StatementVote.objects.count() == 0


@override_settings(RATE_LIMITS={"vote": {"limit": 3, "window": 600}})
def test_votes_are_rate_limited_per_connection(client, demo, statements):
    url = vote_url(demo)
    for value in (1, -1, 0):
        assert vote(client, url, statements[0], value).status_code == 302
    response = vote(client, url, statements[1], 1)
    assert response.status_code == 429
    assert int(response["Retry-After"]) > 0


def test_the_service_refuses_a_statement_awaiting_moderation(demo):
    submission = statement_propose(
        consultation=consultation(demo),
        text="Buses should wait for passengers at transfer points.",
        language="ko",
        origin=Origin(submission_token="proposal-1"),
    )
    statement = submission.comment.proposed_statement
    with pytest.raises(VoteRefused):
        vote_cast(statement=statement, value=1, token="t" * 32, language="ko")


def test_a_proposed_statement_is_moderated_as_a_comment_before_anyone_votes(
    client, demo, statements, moderator_user
):
    url = f"/ko/statements/{consultation(demo, 'ko').pk}/propose/"
    html = client.get(url).content.decode()
    token = re.search(r'name="form_token" value="([^"]+)"', html).group(1)
    text = "버스는 환승 지점에서 승객을 기다려야 한다."
    response = client.post(url, {"text": text, "language": "ko", "form_token": token})
    assert response.status_code == 302 and "code=" in response["Location"]
    # Sent twice (a retry): stored once.
    client.post(url, {"text": text, "language": "ko", "form_token": token})
    comment = Comment.objects.get(purpose=CommentPurpose.STATEMENT)
    assert comment.text == text and comment.status == CommentStatus.AWAITING_MODERATION
    assert text not in client.get(vote_url(demo, "ko") + "?statement=x").content.decode()
    statement = comment.proposed_statement
    assert vote(client, vote_url(demo, "ko"), statement, 1).status_code == 400

    services.comment_approve(comment=comment, user=moderator_user)
    assert vote(client, vote_url(demo, "ko"), statement, 1).status_code == 302
    assert StatementVote.objects.filter(statement_key=statement.translation_key).count() == 1


def test_a_rejected_proposal_never_reaches_the_ballot(client, demo, moderator_user):
    submission = statement_propose(
        consultation=consultation(demo),
        text="Buy my product at example.com",
        language="en",
        origin=Origin(submission_token="proposal-2"),
    )
    services.comment_reject(comment=submission.comment, user=moderator_user, reason="spam")
    html = client.get(vote_url(demo)).content.decode()
    assert "Buy my product" not in html
    comment = Comment.objects.get(pk=submission.comment.pk)
    assert comment.text == "Buy my product at example.com"  # never rewritten


def test_proposals_stay_off_the_public_comment_list(client, demo, moderator_user):
    submission = statement_propose(
        consultation=consultation(demo),
        text="Parks should have drinking fountains.",
        language="en",
        origin=Origin(submission_token="proposal-3"),
    )
    services.comment_approve(comment=submission.comment, user=moderator_user)
    draft = submission.comment.draft
    html = client.get(f"/en/comments/{draft.pk}/").content.decode()
    assert "drinking fountains" not in html


def _batch_post(client, demo, token="batch-form-1", ballots="ADP\nDD-\n"):  # noqa: S107
    page = consultation(demo)
    return client.post(
        f"/admin/statement-votes/{page.pk}/",
        {
            "channel": "meeting",
            "language": "am",
            "received_on": "2026-11-20",
            "taken_by": "Liaison officer",
            "source_detail": "Amharic community meeting, Central library",
            "district": "Central",
            "ballots": ballots,
            "form_token": token,
        },
    )


def test_staff_enter_meeting_ballots_with_provenance(client, demo, statements, moderator_user):
    client.force_login(moderator_user)
    assert _batch_post(client, demo).status_code == 302
    batch = VoteBatch.objects.get()
    assert (batch.channel, batch.language, batch.ballot_count) == ("meeting", "am", 2)
    assert batch.source_detail == "Amharic community meeting, Central library"
    assert batch.taken_by == "Liaison officer" and batch.recorded_by == moderator_user
    assert str(batch.received_on) == "2026-11-20"
    people = Participant.objects.filter(batch=batch)
    assert {p.channel for p in people} == {"meeting"} and {p.district for p in people} == {
        "Central"
    }
    votes = {
        (v.participant_id, str(v.statement_key)): v.value
        for v in StatementVote.objects.filter(participant__batch=batch)
    }
    first, second = sorted(p.pk for p in people)
    keys = [str(s.translation_key) for s in statements]
    assert [votes.get((first, k)) for k in keys] == [1, -1, 0]
    assert [votes.get((second, k)) for k in keys] == [-1, -1, None]  # "-": not answered
    assert {v.language for v in StatementVote.objects.all()} == {"am"}
    # The same form sent again stores nothing more.
    _batch_post(client, demo)
    assert VoteBatch.objects.count() == 1 and Participant.objects.count() == 2


def test_a_malformed_ballot_line_is_refused_whole(client, demo, statements, moderator_user):
    client.force_login(moderator_user)
    response = _batch_post(client, demo, ballots="ADP\nAX\n")
    assert response.status_code == 400
    assert "Line 2" in response.content.decode()
    assert VoteBatch.objects.count() == 0


def test_editors_and_analysts_cannot_enter_ballots(client, demo, statements, editor_user):
    client.force_login(editor_user)
    assert _batch_post(client, demo).status_code in (302, 403)
    assert VoteBatch.objects.count() == 0


def test_an_administrator_adds_a_statement_linked_to_a_right(client, demo, admin_user):
    from consultation.demo import right_block_id
    from consultation.models import Statement

    client.force_login(admin_user)
    url = "/admin/snippets/consultation/statement/add/"
    form = client.get(url)
    assert form.status_code == 200
    right = right_block_id("one-number")
    assert right in form.content.decode()
    response = client.post(
        url,
        {
            "consultation": consultation(demo).pk,
            "text": "Every letter should name a person to call.",
            "right_key": right,
            "theme_keys": "letters contact",
            "status": "open",
            "sort_order": "5",
            "locale": "1",
        },
    )
    assert response.status_code == 302, response.content.decode()[:2000]
    statement = Statement.objects.get(text="Every letter should name a person to call.")
    assert statement.right_key == right and statement.themes == ["letters", "contact"]
    html = client.get(vote_url(demo)).content.decode()
    assert "Every letter should name a person to call." in html


def test_the_moderation_queue_marks_proposed_statements(client, demo, moderator_user):
    statement_propose(
        consultation=consultation(demo),
        text="Libraries should lend laptops.",
        language="en",
        origin=Origin(submission_token="proposal-4"),
    )
    client.force_login(moderator_user)
    html = client.get("/admin/comments/").content.decode()
    assert "Libraries should lend laptops." in html
    assert "Statement proposed for voting" in html
