"""Residents see only results an analyst approved after reviewing enough items, frozen when
staff publish them: later review changes nothing on the public pages until the next version,
and every older version stays readable."""

import pytest
from django.core.exceptions import ValidationError
from django.test import Client

from analysis.models import AnalysisRun, PublishedResult
from analysis.services import analysis_run_create, analysis_run_execute
from analysis.services.public_pages import public_pages_create
from analysis.services.publication import results_publish
from analysis.services.review import item_review_save, item_themes, run_approve
from tests.analysis.outcome_fixtures import make_comments
from tests.factories import user_in_role

pytestmark = pytest.mark.django_db


@pytest.fixture
def sources(monkeypatch):
    monkeypatch.setattr(
        "analysis.inputs.SOURCES", ("tests.analysis.outcome_fixtures.published_comment_items",)
    )


@pytest.fixture
def run(demo, sources):
    make_comments(demo)
    run = analysis_run_create(consultation=demo["consultation"], enqueue=False)
    analysis_run_execute(run_id=run.pk)
    return AnalysisRun.objects.get(pk=run.pk)


def review(run, count, user=None, drop=False):
    """An analyst reviews `count` items; with `drop` they take every machine theme away."""
    for item in run.items.order_by("pk")[:count]:
        themes = set() if drop else item_themes(item=item)[1]
        item_review_save(item=item, theme_ids=themes, user=user)


def method_note_html(client, demo, query="") -> str:
    response = client.get(f"/en/customer-bill-of-rights/method-note/{query}")
    assert response.status_code == 200
    return response.content.decode()


def test_a_run_is_published_only_when_approved_with_enough_reviewed_items(run, settings):
    settings.PUBLICATION_MIN_REVIEWED = 3
    with pytest.raises(ValidationError) as unapproved:
        results_publish(run=run, user=None)
    assert "approved" in str(unapproved.value)
    run = run_approve(run=run, user=None)
    review(run, 2)
    with pytest.raises(ValidationError) as too_few:
        results_publish(run=run, user=None)
    assert "reviewed 2 items" in str(too_few.value)
    review(run, 3)
    result = results_publish(run=run, user=None)
    assert (result.version, result.reviewed) == (1, 3)
    assert result.figures["agreement"]["overall"]["items"] == 3


def test_public_pages_wait_for_publication_then_stay_frozen_until_the_next_version(
    client, demo, run, settings
):
    settings.PUBLICATION_MIN_REVIEWED = 3
    run = run_approve(run=run, user=None)
    public_pages_create(consultation=demo["consultation"], run=run, publish=True)
    assert "Analysts then checked" not in method_note_html(client, demo)

    review(run, 3)
    first = results_publish(run=run, user=None)
    before = method_note_html(client, demo)
    assert "Analysts then checked 3 comments by hand" in before
    assert "Version 1, published on" in before

    review(run, 5, drop=True)
    assert method_note_html(client, demo) == before
    first.refresh_from_db()
    assert first.reviewed == 3

    second = results_publish(run=run, user=None)
    assert second.version == 2
    latest = method_note_html(client, demo)
    assert "Analysts then checked 5 comments by hand" in latest
    assert "Version 2, published on" in latest and '?version=1"' in latest
    older = method_note_html(client, demo, "?version=1")
    assert "Analysts then checked 3 comments by hand" in older
    assert client.get("/en/customer-bill-of-rights/method-note/?version=9").status_code == 404


@pytest.mark.parametrize(
    ("role", "may"),
    [("anonymous", False), ("editor", False), ("moderator", False), ("analyst", True)],
)
def test_only_analysts_and_admins_publish_results(run, settings, role, may):
    settings.PUBLICATION_MIN_REVIEWED = 2
    run = run_approve(run=run, user=None)
    review(run, 2)
    client = Client()
    if role != "anonymous":
        client.force_login(user_in_role(role, username=f"p-{role}"))
    response = client.post(f"/admin/analysis/runs/{run.pk}/publish/")
    assert response.status_code < 500
    assert PublishedResult.objects.filter(run=run).exists() is may
    if may:
        detail = client.get(f"/admin/analysis/runs/{run.pk}/").content.decode()
        assert 'data-published-version="1"' in detail


def test_admin_sees_why_a_run_cannot_be_published(run, settings):
    settings.PUBLICATION_MIN_REVIEWED = 50
    run = run_approve(run=run, user=None)
    client = Client()
    client.force_login(user_in_role("admin", username="p-admin"))
    detail = client.get(f"/admin/analysis/runs/{run.pk}/").content.decode()
    assert "at least 50 are needed" in detail
    client.post(f"/admin/analysis/runs/{run.pk}/publish/")
    assert not PublishedResult.objects.exists()


def test_outcome_pages_are_linked_from_home_consultation_drafts_and_status_once_published(
    client, demo, run, settings, django_capture_on_commit_callbacks
):
    from analysis.selectors.outcomes import outcome_pages
    from analysis.services.review import run_approve as approve
    from consultation.models import Comment

    settings.PUBLICATION_MIN_REVIEWED = 2
    run = approve(run=run, user=None)
    pages = public_pages_create(consultation=demo["consultation"], run=run, publish=True)
    draft_url = "/ko/customer-bill-of-rights/draft-2/"
    assert "method-note" not in client.get(draft_url).content.decode()
    review(run, 2)
    results_publish(run=run, user=None)
    from wagtail.models import Locale

    from analysis.demo_data import translate

    korean = Locale.objects.get(language_code="ko")
    with django_capture_on_commit_callbacks(execute=True):
        for page in pages.values():
            translate(page, korean, {})
    comment = Comment.objects.filter(language="ko").first()
    for url in (
        "/ko/",
        "/ko/customer-bill-of-rights/",
        draft_url,
        f"/ko/status/?code={comment.reference}",
    ):
        html = client.get(url).content.decode()
        for slug in ("what-we-heard", "you-said-we-did", "method-note"):
            assert f'href="/ko/customer-bill-of-rights/{slug}/"' in html, (url, slug)
    english = client.get("/en/customer-bill-of-rights/draft-1/").content.decode()
    assert 'href="/en/customer-bill-of-rights/method-note/"' in english
    assert len(outcome_pages(consultation=demo["consultation"])) == 3
