"""Residents comment on a right or the whole draft without an account and get a receipt."""

import pytest
from django.core import mail

from config.languages import LANGUAGE_CODES
from consultation.models import Comment, CommentStatus, ConsultationPage

from .comment_helpers import RIGHT, draft, form_token, form_url, post_comment, reference_from

pytestmark = pytest.mark.django_db


def test_resident_comments_on_a_right_and_gets_a_reference_code(client, demo):
    page = draft(demo)
    response = post_comment(client, form_url(page), text="Please keep 311.", stance="agree")
    assert response.status_code == 302
    code = reference_from(response)
    comment = Comment.objects.get(reference=code)
    assert comment.right_key == RIGHT
    assert comment.draft_key == page.translation_key
    assert comment.stance == "agree"
    assert comment.status == CommentStatus.AWAITING_MODERATION
    status = client.get(response["Location"])
    assert status.status_code == 200
    html = status.content.decode()
    assert f"{code[:5]}-{code[5:]}" in html
    assert "Awaiting" in html or "Waiting" in html


@pytest.mark.parametrize("code", LANGUAGE_CODES)
def test_every_language_has_the_form_and_a_status_page_in_that_language(client, demo, code):
    page = draft(demo, code)
    url = form_url(page, code)
    form = client.get(url)
    assert form.status_code == 200
    assert f'<html lang="{code}"' in form.content.decode()
    response = post_comment(client, url, language=code, stance="disagree")
    assert response.status_code == 302
    assert response["Location"].startswith(f"/{code}/status/")
    status = client.get(response["Location"])
    assert f'<html lang="{code}"' in status.content.decode()
    comment = Comment.objects.get(reference=reference_from(response))
    assert comment.language == code


def test_whole_draft_comment_has_a_blank_right_key(client, demo):
    page = draft(demo)
    response = post_comment(client, form_url(page, right=None))
    assert Comment.objects.get(reference=reference_from(response)).right_key == ""


def test_unknown_right_is_not_found(client, demo):
    page = draft(demo)
    assert client.get(f"/en/comment/{page.pk}/not-a-key/").status_code == 404


def test_comments_from_korean_and_english_pages_group_on_one_right(client, demo):
    post_comment(client, form_url(draft(demo, "en")))
    post_comment(client, form_url(draft(demo, "ko"), "ko"), language="ko", text="좋아요")
    keys = set(Comment.objects.values_list("draft_key", "right_key"))
    assert len(keys) == 1


def test_language_switch_on_the_form_goes_to_the_same_right_in_that_language(client, demo):
    english = draft(demo)
    response = client.get(f"/ko/comment/{english.pk}/{RIGHT}/")
    assert response.status_code == 302
    assert response["Location"] == f"/ko/comment/{draft(demo, 'ko').pk}/{RIGHT}/"


def test_missing_text_shows_a_translated_error_tied_to_the_field(client, demo):
    page = draft(demo, "ko")
    response = post_comment(client, form_url(page, "ko"), text="   ")
    assert response.status_code == 400
    html = response.content.decode()
    assert 'aria-describedby="id_text_error"' in html or 'id="id_text_error"' in html
    assert 'aria-invalid="true"' in html
    assert "This field is required." not in html
    assert Comment.objects.count() == 0


def test_contact_consent_needs_an_email(client, demo):
    page = draft(demo)
    response = post_comment(client, form_url(page), consent_contact="on")
    assert response.status_code == 400
    assert "Enter your email address so we can contact you" in response.content.decode()


def test_receipt_is_emailed_when_the_resident_asks_in_their_language(
    client, demo, django_capture_on_commit_callbacks
):
    page = draft(demo, "es")
    with django_capture_on_commit_callbacks(execute=True):
        response = post_comment(
            client,
            form_url(page, "es"),
            language="es",
            email="ana@example.org",
            consent_contact="on",
        )
    code = reference_from(response)
    assert len(mail.outbox) == 1
    message = mail.outbox[0]
    assert message.to == ["ana@example.org"]
    assert f"{code[:5]}-{code[5:]}" in message.body
    assert "/es/status/?code=" in message.body


def test_no_email_without_consent(client, demo, django_capture_on_commit_callbacks):
    page = draft(demo)
    with django_capture_on_commit_callbacks(execute=True):
        post_comment(client, form_url(page), email="bo@example.org")
    assert mail.outbox == []


def test_closed_consultation_takes_no_comments(client, demo):
    page = draft(demo)
    url = form_url(page)
    token = form_token(client, url)
    from datetime import timedelta

    from django.utils import timezone

    ConsultationPage.objects.filter(translation_key=page.consultation.translation_key).update(
        closes_at=timezone.now() - timedelta(days=1)
    )
    response = post_comment(client, url, token=token)
    assert response.status_code == 403
    assert Comment.objects.count() == 0
    assert "not open for comments" in client.get(url).content.decode()


def test_status_lookup_accepts_lower_case_and_dashes(client, demo):
    response = post_comment(client, form_url(draft(demo)))
    code = reference_from(response)
    typed = f"{code[:5].lower()} - {code[5:].lower()}"
    assert client.get("/en/status/", {"code": typed}).status_code == 200


def test_unknown_code_says_so_without_an_error_page(client, demo):
    response = client.get("/en/status/", {"code": "ABCDE-FGHJK"})
    assert response.status_code == 404
    assert "We could not find a comment with that code" in response.content.decode()
