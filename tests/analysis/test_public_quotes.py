"""The public "What we heard" page quotes a comment only when its place in the theme is sure
(the machine's probability above the review band) or an analyst confirmed it: an off-theme or
low-confidence comment is never shown to residents as what a theme is about."""

import pytest
from django.contrib.contenttypes.models import ContentType
from django.test import override_settings
from django.utils import timezone

from analysis.models import AnalysisRun, Theme, ThemeAssignment
from analysis.services import analysis_run_create, analysis_run_execute
from analysis.services.public_pages import public_pages_create
from analysis.services.publication import results_publish
from analysis.services.review import run_approve, theme_approve
from consultation.models import Comment
from tests.factories import AnalysisItemFactory, AnalysisRunFactory, CommentFactory, ThemeFactory

pytestmark = pytest.mark.django_db

SURE = "I waited forty minutes on hold before anyone answered."
UNSURE = "The bus stop outside the office has no shelter."
CONFIRMED = "Nobody picked up, so I gave up and came in person."
REJECTED = "Hold music for an hour is not a service."
EMERGENT = "My neighbour also waits a long time."


@pytest.fixture
def sources(monkeypatch):
    monkeypatch.setattr(
        "analysis.inputs.SOURCES", ("tests.analysis.outcome_fixtures.published_comment_items",)
    )


def _machine(theme, comment, *, confidence, needs_review):
    return ThemeAssignment.objects.create(
        tag=theme,
        run=theme.run,
        content_type=ContentType.objects.get_for_model(Comment),
        object_id=comment.pk,
        source=ThemeAssignment.Source.MACHINE,
        confidence=confidence,
        needs_review=needs_review,
    )


def _analyst(theme, comment, decision):
    return ThemeAssignment.objects.create(
        tag=theme,
        run=theme.run,
        content_type=ContentType.objects.get_for_model(Comment),
        object_id=comment.pk,
        source=ThemeAssignment.Source.ANALYST,
        decision=decision,
    )


def _heard_page_html(client, pages) -> str:
    """The page as residents see it once the run's results are published (the gate's review
    count is not what these tests are about)."""
    with override_settings(PUBLICATION_MIN_REVIEWED=0):
        results_publish(run=pages["what-we-heard"].run, user=None)
    response = client.get(pages["what-we-heard"].url)
    assert response.status_code == 200
    return response.content.decode()


def test_only_sure_or_analyst_confirmed_comments_are_quoted(client, demo, sources):
    comments = {
        text: CommentFactory(text=text, language="en")
        for text in (SURE, UNSURE, CONFIRMED, REJECTED, EMERGENT)
    }
    content_type = ContentType.objects.get_for_model(Comment)
    run = AnalysisRunFactory(
        consultation=demo["consultation"], approved_at=timezone.now(), totals={"items": 5}
    )
    for comment in comments.values():
        AnalysisItemFactory(
            run=run, content_type=content_type, object_id=comment.pk, text=comment.text
        )
    refs = {text: f"{content_type.pk}:{c.pk}:" for text, c in comments.items()}
    waiting = ThemeFactory(
        run=run,
        key="waiting_times",
        name="Waiting times",
        summary={"quotes": [{"item_id": refs[t], "text": t, "language": "en"} for t in refs]},
    )
    _machine(waiting, comments[SURE], confidence=0.91, needs_review=False)
    _machine(waiting, comments[UNSURE], confidence=0.52, needs_review=True)
    _machine(waiting, comments[CONFIRMED], confidence=0.55, needs_review=True)
    _analyst(waiting, comments[CONFIRMED], ThemeAssignment.Decision.CONFIRMED)
    _machine(waiting, comments[REJECTED], confidence=0.9, needs_review=False)
    _analyst(waiting, comments[REJECTED], ThemeAssignment.Decision.REJECTED)
    _machine(waiting, comments[EMERGENT], confidence=None, needs_review=True)

    html = _heard_page_html(
        client, public_pages_create(consultation=demo["consultation"], run=run, publish=True)
    )
    assert SURE in html and CONFIRMED in html
    for unquoted in (UNSURE, REJECTED, EMERGENT):
        assert unquoted not in html


def test_an_off_theme_comment_is_not_quoted_after_a_real_run(client, demo, sources):
    on_theme = [
        ("en", "I waited on hold for forty minutes and nobody called me back."),
        ("es", "Esperé cuarenta minutos al teléfono y nadie me devolvió la llamada."),
        ("ko", "전화 대기 시간이 너무 깁니다. 한 시간이나 기다렸어요."),
        ("en", "There should be one phone number for everything, I never know who to call."),
        ("ru", "Нужен один номер телефона для всех вопросов."),
        ("vi", "Tôi cần thông dịch viên tiếng Việt khi gọi cho thành phố."),
    ]
    off_theme = "My grandmother's apple cake recipe needs three eggs and a cup of sugar."
    for language, text in on_theme:
        CommentFactory(text=text, language=language)
    CommentFactory(text=off_theme, language="en")
    run = analysis_run_create(consultation=demo["consultation"], enqueue=False)
    analysis_run_execute(run_id=run.pk)
    run = run_approve(run=AnalysisRun.objects.get(pk=run.pk), user=None)
    for theme in Theme.objects.filter(run=run, state=Theme.State.PROPOSED):
        theme_approve(theme=theme, user=None)

    html = _heard_page_html(
        client, public_pages_create(consultation=demo["consultation"], run=run, publish=True)
    )
    assert off_theme not in html
    assert any(text in html for _language, text in on_theme)
