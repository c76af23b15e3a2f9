"""What the engine was unsure about is stored and shown: needs_review on assignments, the
review queue most uncertain first, emergent labels per language, and equity flags that do not
mistake a word-only engine's language clusters for a group's concern."""

import pytest
from django.urls import reverse

from analysis.engine.types import (
    AnalysisResult,
    Assignment,
    EmergentTheme,
    LanguageGuess,
    ThemeSummary,
)
from analysis.models import AnalysisItem, Theme, ThemeAssignment
from analysis.reports.equity import small_group_themes
from analysis.selectors.runs import review_queue
from analysis.selectors.themes import theme_label
from analysis.services.storage import store_result
from tests.analysis.conftest import corpus_items
from tests.analysis.report_fixtures import build_run
from tests.factories import AnalysisItemFactory, AnalysisRunFactory, ThemeFactory

pytestmark = pytest.mark.django_db


def test_review_queue_shows_the_most_uncertain_assignments_first(demo):
    run = build_run(consultation=demo["consultation"], size=12)
    machine = ThemeAssignment.objects.filter(run=run, source="machine")
    machine.filter(object_id=9).update(needs_review=True, confidence=0.61)
    machine.filter(object_id=4).update(needs_review=True, confidence=0.51)
    machine.filter(object_id=2).update(needs_review=True, confidence=None)  # emergent only
    order = list(review_queue(run=run).values_list("object_id", flat=True))
    assert order[:2] == [4, 9]
    assert order[2:] == sorted(order[2:]) and len(order) == 12


def test_an_emergent_theme_reads_in_the_readers_language_until_an_analyst_renames_it(demo):
    theme = ThemeFactory(
        kind=Theme.Kind.EMERGENT,
        name="Long waits on the phone",
        machine_name="Long waits on the phone",
        labels={"en": "Long waits on the phone", "ko": "전화 대기 시간이 너무 깁니다"},
    )
    assert theme_label(theme, "ko", {}) == "전화 대기 시간이 너무 깁니다"
    assert theme_label(theme, "so", {}) == "Long waits on the phone"
    theme.name = "Phone waiting times"
    assert theme_label(theme, "ko", {}) == "Phone waiting times"


def test_stored_result_keeps_labels_language_mix_and_review_flags(demo):
    run = AnalysisRunFactory(consultation=demo["consultation"])
    items = corpus_items()[:6]
    refs = [item.ref for item in items]
    result = AnalysisResult(
        languages={ref: LanguageGuess("en", 1.0, "declared") for ref in refs},
        assignments=[
            Assignment(refs[0], "waiting_times", 0.9, ("hold",), "codebook", False),
            Assignment(refs[1], "waiting_times", 0.55, ("hold",), "codebook", True),
        ],
        stances=[],
        emergent_themes=[
            EmergentTheme(
                key="emergent-1",
                language="ko",
                label="Interpreters when calling",
                key_phrases=["interpreter"],
                item_ids=refs[2:6],
                representative_ids=refs[2:3],
                labels={"en": "Interpreters when calling", "ko": "통역 서비스가 필요합니다"},
                language_counts={"ko": 2, "es": 1, "vi": 1},
            )
        ],
        duplicate_groups=[],
        summaries=[ThemeSummary("emergent-1", 4, 6, {}, [], [], ["interpreter"], {"ko": 4})],
        timings={},
        parameters={"sentence_model": "e5-test"},
    )
    codebook = [
        type(
            "Entry",
            (),
            {"key": "waiting_times", "name": "Waiting", "description": "", "principle": ""},
        )()
    ]
    store_result(run=run, items=items, codebook=codebook, result=result)
    emergent = Theme.objects.get(run=run, key="emergent-1")
    assert emergent.labels["ko"] == "통역 서비스가 필요합니다"
    assert emergent.language_counts == {"ko": 2, "es": 1, "vi": 1}
    rows = ThemeAssignment.objects.filter(run=run)
    assert rows.get(tag__key="waiting_times", object_id=1).needs_review is False
    assert rows.get(tag__key="waiting_times", object_id=2).needs_review is True
    assert all(rows.filter(tag=emergent).values_list("needs_review", flat=True))
    assert run.totals["sentence_model"] == "e5-test"


def _figures(kind: str) -> dict:
    """15 comments, 3 in Amharic (20%), all three in one theme."""
    return {
        "total": 15,
        "groups": {"language": {"en": 12, "am": 3}, "district": {"north": 15}},
        "themes": [
            {
                "id": 1,
                "key": "t",
                "name": "T",
                "kind": kind,
                "count": 3,
                "groups": {"language": {"am": 3}, "district": {"north": 3}},
            }
        ],
    }


def test_a_word_only_emergent_theme_in_one_language_is_not_an_equity_finding():
    (flag,) = small_group_themes(figures=_figures("emergent"), sentence_model=None)
    assert flag["dimension"] == "language" and flag["suppressed"]
    (flag,) = small_group_themes(figures=_figures("emergent"), sentence_model="e5-small")
    assert not flag["suppressed"]
    (flag,) = small_group_themes(figures=_figures("codebook"), sentence_model=None)
    assert not flag["suppressed"]


def test_equity_page_explains_a_suppressed_flag(client, analyst_user, demo):
    run = AnalysisRunFactory(consultation=demo["consultation"], totals={"items": 15})
    theme = ThemeFactory(run=run, key="amharic-words", kind=Theme.Kind.EMERGENT)
    for index in range(15):
        item = AnalysisItemFactory(run=run, language="am" if index < 3 else "en")
        if index < 3:
            ThemeAssignment.objects.create(
                tag=theme,
                run=run,
                content_type=item.content_type,
                object_id=item.object_id,
                source="machine",
                needs_review=True,
            )
    assert AnalysisItem.objects.filter(run=run).count() == 15
    client.force_login(analyst_user)
    html = client.get(reverse("analysis_equity", args=[run.pk])).content.decode()
    assert 'data-suppressed="amharic-words"' in html and 'data-flag="amharic-words"' not in html
    assert "no sentence model" in html

    run.totals = {"items": 15, "sentence_model": "e5-small"}
    run.save()
    html = client.get(reverse("analysis_equity", args=[run.pk])).content.decode()
    assert 'data-flag="amharic-words"' in html and 'data-suppressed="amharic-words"' not in html
