"""Moderators approve and reject, one by one and in bulk, with reasons and an audit row for
every decision; the resident's original text is never changed; public pages show published
comments only, with personal data hidden."""

import pytest
from django.utils.html import escape

from consultation import services
from consultation.models import (
    Comment,
    CommentStatus,
    ConsultationPage,
    DecisionAction,
    ModerationDecision,
    RedactionState,
)
from tests.factories import submit_comment

from .comment_helpers import RIGHT, bulk, draft

pytestmark = pytest.mark.django_db

PII_TEXT = (
    "Call me at (206) 555-0142 or +44 20 7946 0958, write to ana.lee@example.org, "
    "or visit 1234 Pine Street. My case number is 88812345."
)


def _comment(demo, text="A fair right.", code="en", right=RIGHT, **extra):
    return submit_comment(
        draft(demo, code), right_key=right, text=text, language=code, **extra
    ).comment


def test_new_comments_wait_for_moderation_and_are_not_public(client, demo):
    comment = _comment(demo, text="Waiting for a moderator to read this")
    assert comment.status == CommentStatus.AWAITING_MODERATION
    html = client.get("/en/customer-bill-of-rights/draft-2/").content.decode()
    assert "Waiting for a moderator" not in html


def test_moderator_approves_one_comment_with_an_audit_row(client, demo, moderator_user):
    comment = _comment(demo, text="Please answer within two days.")
    client.force_login(moderator_user)
    response = client.post(
        f"/admin/comments/{comment.pk}/", {"form": "decision", "action": "approve", "note": "ok"}
    )
    assert response.status_code == 302
    comment.refresh_from_db()
    assert comment.status == CommentStatus.PUBLISHED
    decision = comment.decisions.get(action=DecisionAction.APPROVE)
    assert decision.decided_by == moderator_user
    assert decision.from_status == CommentStatus.AWAITING_MODERATION
    assert decision.to_status == CommentStatus.PUBLISHED
    assert decision.note == "ok"
    html = client.get("/en/customer-bill-of-rights/draft-2/").content.decode()
    assert "Please answer within two days." in html


def test_the_comment_screen_publishes_only_on_an_explicit_choice(client, demo, moderator_user):
    comment = _comment(demo)
    client.force_login(moderator_user)
    html = client.get(f"/admin/comments/{comment.pk}/").content.decode()
    assert html.count('id="decision-action"') == 1 and html.count('id="redaction-action"') == 1
    assert 'for="decision-action"' in html and 'for="redaction-action"' in html
    # A form sent as it stands (Enter in a field, a stray click): nothing chosen, nothing done.
    response = client.post(f"/admin/comments/{comment.pk}/", {"form": "decision", "note": "x"})
    assert response.status_code == 400
    assert Comment.objects.get(pk=comment.pk).status == CommentStatus.AWAITING_MODERATION


def test_rejection_needs_a_reason_and_keeps_the_original_text(client, demo, moderator_user):
    original = "You are all useless idiots. 😡"
    comment = _comment(demo, text=original)
    client.force_login(moderator_user)
    missing = client.post(f"/admin/comments/{comment.pk}/", {"form": "d", "action": "reject"})
    assert missing.status_code == 400
    assert Comment.objects.get(pk=comment.pk).status == CommentStatus.AWAITING_MODERATION
    client.post(
        f"/admin/comments/{comment.pk}/", {"form": "d", "action": "reject", "reason": "abusive"}
    )
    comment.refresh_from_db()
    assert comment.status == CommentStatus.REJECTED
    assert comment.rejection_reason == "abusive"
    assert comment.text == original
    assert comment.decisions.filter(action="reject", reason="abusive").count() == 1
    status = client.get("/en/status/", {"code": comment.reference}).content.decode()
    assert "Not published" in status
    assert "Abusive, threatening or hateful" in status


def test_bulk_approve_and_bulk_reject_record_one_row_each_with_a_batch(
    client, demo, moderator_user
):
    comments = [_comment(demo, text=f"Comment number {n} about phones") for n in range(6)]
    client.force_login(moderator_user)
    ids = [c.pk for c in comments]
    bulk(client, "publish", ids[:4])
    bulk(client, "reject", ids[4:], reason="spam")
    statuses = dict(Comment.objects.filter(pk__in=ids).values_list("pk", "status"))
    assert [statuses[i] for i in ids] == ["published"] * 4 + ["rejected"] * 2
    decisions = ModerationDecision.objects.filter(comment__in=ids, action__in=["approve", "reject"])
    assert decisions.count() == 6
    assert decisions.filter(action="approve").values("batch").distinct().count() == 1
    assert all(d.decided_by == moderator_user for d in decisions)


def test_bulk_reject_without_a_reason_changes_nothing(client, demo, moderator_user):
    comment = _comment(demo)
    client.force_login(moderator_user)
    bulk(client, "reject", [comment.pk])
    assert Comment.objects.get(pk=comment.pk).status == CommentStatus.AWAITING_MODERATION


def test_personal_data_is_hidden_on_public_pages_and_shown_to_moderators(
    client, demo, moderator_user
):
    comment = _comment(demo, text=PII_TEXT)
    assert comment.redaction_state == RedactionState.DETECTED
    services.comment_approve(comment=comment, user=moderator_user)
    pages = [
        "/en/customer-bill-of-rights/draft-2/",
        f"/en/comments/{draft(demo).pk}/{RIGHT}/",
        f"/en/status/?code={comment.reference}",
    ]
    for url in pages:
        html = client.get(url).content.decode()
        for secret in ("555-0142", "7946", "ana.lee@example.org", "1234 Pine Street", "88812345"):
            assert secret not in html, (url, secret)
        assert "[email]" in html and "[phone]" in html and "[address]" in html
    client.force_login(moderator_user)
    admin_html = client.get(f"/admin/comments/{comment.pk}/").content.decode()
    assert "ana.lee@example.org" in admin_html
    assert "[email]" in admin_html


def test_moderator_undoes_and_confirms_a_redaction(client, demo, moderator_user):
    comment = _comment(demo, text="Bus 7 at 1234 Pine Street is always late.")
    services.comment_approve(comment=comment, user=moderator_user)
    client.force_login(moderator_user)
    client.post(f"/admin/comments/{comment.pk}/", {"form": "redaction", "action": "undo_redaction"})
    comment.refresh_from_db()
    assert comment.redaction_state == RedactionState.UNDONE
    assert comment.public_text == comment.text
    client.post(
        f"/admin/comments/{comment.pk}/", {"form": "redaction", "action": "confirm_redaction"}
    )
    comment.refresh_from_db()
    assert comment.redaction_state == RedactionState.CONFIRMED
    assert "[address]" in comment.public_text
    client.post(
        f"/admin/comments/{comment.pk}/",
        {"form": "redaction", "action": "edit_redaction", "redacted_text": "Bus 7 is late."},
    )
    comment.refresh_from_db()
    assert comment.public_text == "Bus 7 is late."
    assert comment.text == "Bus 7 at 1234 Pine Street is always late."
    actions = list(comment.decisions.values_list("action", flat=True))
    assert actions[-3:] == ["undo_redaction", "confirm_redaction", "edit_redaction"]


def test_queue_filters_by_status_language_right_channel_and_flag(client, demo, moderator_user):
    _comment(demo, text="English agree", stance="agree")
    _comment(demo, text="한국어 의견입니다", code="ko")
    _comment(demo, text="Whole draft note", right="")
    _comment(demo, text="Has 1234 Pine Street in it")
    client.force_login(moderator_user)

    def texts(**params):
        html = client.get("/admin/comments/", params).content.decode()
        return {
            t
            for t in ["English agree", "한국어 의견입니다", "Whole draft note", "Pine"]
            if t in html
        }

    assert texts() == {"English agree", "한국어 의견입니다", "Whole draft note", "Pine"}
    assert texts(language="ko") == {"한국어 의견입니다"}
    assert texts(right="-") == {"Whole draft note"}
    assert texts(right=RIGHT, language="en") == {"English agree", "Pine"}
    assert texts(flag="personal_data") == {"Pine"}
    assert texts(channel="phone") == set()
    assert texts(status="published") == set()


def test_without_premoderation_comments_publish_at_once(client, demo):
    consultation = demo["consultation"]
    ConsultationPage.objects.filter(pk=consultation.pk).update(premoderation=False)
    comment = _comment(demo, text="Straight to the page")
    assert comment.status == CommentStatus.PUBLISHED
    assert comment.decisions.get().action == DecisionAction.AUTO_PUBLISH
    assert (
        "Straight to the page"
        in client.get("/en/customer-bill-of-rights/draft-2/").content.decode()
    )


def test_published_comments_are_paged_with_stance_counts_and_a_language_filter(
    client, demo, moderator_user
):
    for n in range(25):
        comment = _comment(demo, text=f"English view {n}", stance="agree" if n % 2 else "disagree")
        services.comment_approve(comment=comment, user=moderator_user)
    korean = _comment(demo, text="한국어 댓글", code="ko", stance="unsure")
    services.comment_approve(comment=korean, user=moderator_user)
    page = draft(demo)
    html = client.get(f"/en/comments/{page.pk}/{RIGHT}/").content.decode()
    assert "Published comments: 26" in html
    assert "Agrees: 12" in html and "Disagrees: 13" in html and "Not sure: 1" in html
    assert html.count('class="comment stance-') == 20
    assert 'lang="ko"' in html
    second = client.get(f"/en/comments/{page.pk}/{RIGHT}/", {"page": 2}).content.decode()
    assert second.count('class="comment stance-') == 6
    mine = client.get(f"/ko/comments/{draft(demo, 'ko').pk}/{RIGHT}/", {"language": "mine"})
    mine_html = mine.content.decode()
    assert escape("한국어 댓글") in mine_html
    assert "English view" not in mine_html


def test_draft_page_comment_summary_uses_a_fixed_number_of_queries(client, demo, moderator_user):
    for n in range(12):
        comment = _comment(demo, text=f"Query count comment {n}")
        services.comment_approve(comment=comment, user=moderator_user)
    client.get("/en/customer-bill-of-rights/draft-2/")
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    with CaptureQueriesContext(connection) as few:
        client.get("/en/customer-bill-of-rights/draft-2/")
    for n in range(12):
        comment = _comment(demo, text=f"More comments {n}", right="")
        services.comment_approve(comment=comment, user=moderator_user)
    with CaptureQueriesContext(connection) as many:
        client.get("/en/customer-bill-of-rights/draft-2/")
    assert len(many) == len(few)


def test_name_is_shown_only_with_consent(client, demo, moderator_user):
    shown = _comment(demo, text="Shown name", name="Ana Lee", consent_show_name=True)
    hidden = _comment(demo, text="Hidden name", name="Bo Kim")
    for comment in (shown, hidden):
        services.comment_approve(comment=comment, user=moderator_user)
    html = client.get(f"/en/comments/{draft(demo).pk}/{RIGHT}/").content.decode()
    assert "Ana Lee" in html
    assert "Bo Kim" not in html


def test_return_link_cannot_be_pointed_at_script_or_another_site(client, demo, moderator_user):
    comment = _comment(demo)
    client.force_login(moderator_user)
    for target in ("javascript:alert(1)", "https://evil.example/"):
        html = client.get(f"/admin/comments/{comment.pk}/", {"next": target}).content.decode()
        assert target not in html
        response = client.post(
            f"/admin/comments/{comment.pk}/", {"form": "d", "action": "approve", "next": target}
        )
        assert response["Location"] == "/admin/comments/"
