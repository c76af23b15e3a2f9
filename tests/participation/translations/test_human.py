"""People translating what residents wrote: the Translator role and moderators add a
translation in the admin, who and when are kept, the original never changes, and readers
see the translation beside the original with who made it."""

import pytest
from django.test import Client
from django.utils import timezone

from consultation.models import Comment
from participation.models import Translation
from participation.rules import can_translate
from tests.consultation.comment_helpers import RIGHT, draft
from tests.factories import CommentFactory, user_in_role

pytestmark = pytest.mark.django_db
SOMALI = "Khadka taleefanka waa in uu noqdaa mid bilaash ah oo furan habeenkii."
ENGLISH = "The phone line should be free and open at night."


@pytest.fixture
def somali_comment(demo):
    return CommentFactory(
        draft=draft(demo, "so"), right_key=RIGHT, language="so", text=SOMALI,
        published_at=timezone.now(),
    )  # fmt: skip


def client_for(role):
    client = Client()
    if role != "anonymous":
        client.force_login(user_in_role(role, username=f"t-{role}"))
    return client


@pytest.mark.parametrize(
    ("role", "allowed"),
    [
        ("anonymous", False),
        ("editor", False),
        ("analyst", False),
        ("translator", True),
        ("moderator", True),
        ("admin", True),
    ],
)
def test_only_translators_moderators_and_admins_may_translate(somali_comment, role, allowed):
    client = client_for(role)
    listing = client.get("/admin/comment-translations/?language=so")
    screen = client.get(f"/admin/comment-translations/{somali_comment.pk}/")
    posted = client.post(
        f"/admin/comment-translations/{somali_comment.pk}/", {"language": "en", "text": ENGLISH}
    )
    assert (listing.status_code == 200) is allowed
    assert (screen.status_code == 200) is allowed
    assert Translation.objects.exists() is allowed
    assert posted.status_code == (302 if allowed else posted.status_code)
    if role != "anonymous":
        assert can_translate(user_in_role(role, username=f"u-{role}")) is allowed


def test_a_translation_records_who_and_when_and_leaves_the_original_alone(somali_comment):
    translator = user_in_role("translator", username="hodan")
    client = Client()
    client.force_login(translator)
    client.post(
        f"/admin/comment-translations/{somali_comment.pk}/", {"language": "en", "text": ENGLISH}
    )
    row = Translation.objects.get()
    assert (row.language, row.text, row.origin, row.translated_by) == (
        "en", ENGLISH, "human", translator
    )  # fmt: skip
    assert row.created_at is not None
    assert Comment.objects.get(pk=somali_comment.pk).text == SOMALI
    screen = client.get(f"/admin/comment-translations/{somali_comment.pk}/").content.decode()
    assert "hodan" in screen and ENGLISH in screen


def test_a_translation_into_the_original_language_is_refused(somali_comment):
    client = client_for("translator")
    response = client.post(
        f"/admin/comment-translations/{somali_comment.pk}/", {"language": "so", "text": "x"}
    )
    assert response.status_code == 400
    assert not Translation.objects.exists()


def test_public_page_shows_the_translation_beside_the_original_labelled(somali_comment, demo):
    client_for("translator").post(
        f"/admin/comment-translations/{somali_comment.pk}/", {"language": "en", "text": ENGLISH}
    )
    page = draft(demo, "en")
    html = Client().get(f"/en/comments/{page.pk}/{RIGHT}/").content.decode()
    assert f'<p lang="so">{SOMALI}</p>' in html
    assert "Translated by City staff" in html
    assert f'<p lang="en">{ENGLISH}</p>' in html
    assert html.index(SOMALI) < html.index(ENGLISH)


def test_erasure_removes_translations_of_the_residents_words(somali_comment):
    from consultation.services.erasure import participant_erase

    client_for("moderator").post(
        f"/admin/comment-translations/{somali_comment.pk}/", {"language": "en", "text": ENGLISH}
    )
    participant_erase(reference=somali_comment.reference)
    assert not Translation.objects.exists()
