"""Agreement of machine and analyst themes: precision, recall and F1 with known numbers,
overall and per language, moving as review goes on."""

import pytest

from analysis.models import AnalysisItem, Theme
from analysis.reports.agreement import agreement
from analysis.services import review
from tests.analysis.report_fixtures import build_run, theme_keys_for

pytestmark = pytest.mark.django_db


def test_no_reviews_gives_no_figures(demo):
    run = build_run(consultation=demo["consultation"])
    result = agreement(run=run)
    assert result["overall"]["items"] == 0
    assert result["overall"]["precision"] is None and result["overall"]["f1"] is None


def test_known_precision_recall_and_f1(demo, analyst_user):
    run = build_run(consultation=demo["consultation"], size=40)
    themes = {t.key: t for t in Theme.objects.filter(run=run)}
    items = {i.object_id: i for i in AnalysisItem.objects.filter(run=run)}
    # Items 1..4 are indexes 0..3: machine themes
    # 0: one-number, waiting | 1: interpreters | 2: one-number | 3: waiting, emergent-parking
    assert theme_keys_for(0) == ["one-number", "waiting"]
    assert theme_keys_for(3) == ["waiting", "emergent-parking"]
    # Confirm item 1 as is: 2 machine, 2 analyst, 2 matched.
    review.item_review_save(
        item=items[1], theme_ids={themes["one-number"].pk, themes["waiting"].pk}, user=analyst_user
    )
    assert agreement(run=run)["overall"]["precision"] == 1.0
    # Item 2: reject interpreters, add waiting: machine 1, analyst 1, matched 0.
    review.item_review_save(item=items[2], theme_ids={themes["waiting"].pk}, user=analyst_user)
    # Item 3: keep one-number, add interpreters: machine 1, analyst 2, matched 1.
    review.item_review_save(
        item=items[3],
        theme_ids={themes["one-number"].pk, themes["interpreters"].pk},
        user=analyst_user,
    )
    # Item 4: drop emergent-parking: machine 2, analyst 1, matched 1.
    review.item_review_save(item=items[4], theme_ids={themes["waiting"].pk}, user=analyst_user)
    result = agreement(run=run)
    overall = result["overall"]
    # matched 2+0+1+1 = 4, machine 2+1+1+2 = 6, analyst 2+1+2+1 = 6
    assert (overall["matched"], overall["machine"], overall["analyst"]) == (4, 6, 6)
    assert overall["precision"] == pytest.approx(4 / 6)
    assert overall["recall"] == pytest.approx(4 / 6)
    assert overall["f1"] == pytest.approx(4 / 6)
    assert result["corrections"] == 0 + 2 + 1 + 1
    # Languages cycle en, ko, es, en: English items 1 and 4, Korean 2, Spanish 3.
    english = result["languages"]["en"]
    assert (english["matched"], english["machine"], english["analyst"]) == (3, 4, 3)
    assert english["precision"] == pytest.approx(0.75)
    assert english["recall"] == pytest.approx(1.0)
    assert english["f1"] == pytest.approx(2 * 0.75 / 1.75)
    assert result["languages"]["ko"]["f1"] == 0.0
    spanish = result["languages"]["es"]
    assert (spanish["precision"], spanish["recall"]) == (1.0, 0.5)


def test_saving_the_same_review_twice_changes_nothing(demo, analyst_user):
    run = build_run(consultation=demo["consultation"])
    item = AnalysisItem.objects.get(run=run, object_id=2)
    theme = Theme.objects.get(run=run, key="waiting")
    first = review.item_review_save(item=item, theme_ids={theme.pk}, user=analyst_user)
    rows = run.assignments.filter(source="analyst").count()
    again = review.item_review_save(item=item, theme_ids={theme.pk}, user=analyst_user)
    assert again.pk == first.pk
    assert run.assignments.filter(source="analyst").count() == rows
    assert run.assignments.filter(source="machine", object_id=2).count() == 1
