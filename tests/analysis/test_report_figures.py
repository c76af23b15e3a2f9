"""Report counts, shares and stance splits equal a direct count over the stored assignments,
with and without filters, before and after analysts change themes."""

import pytest
from django.urls import reverse

from analysis.models import AnalysisItem, Theme
from analysis.reports.figures import ReportFilters, compute_figures
from analysis.selectors.figures import report_figures
from analysis.services import review
from tests.analysis.report_fixtures import build_run, direct_counts

pytestmark = pytest.mark.django_db


def assert_matches(figures, expected):
    assert figures["total"] == expected["total"]
    shown = {t["id"]: t for t in figures["themes"]}
    for pk, counts in expected["themes"].items():
        row = shown[pk]
        assert row["count"] == counts["count"]
        assert row["share"] == round(100.0 * counts["count"] / expected["total"], 1)
        assert row["stance"] == {s: counts[s] for s in ("agree", "disagree", "unsure", "none")}
    for pk, row in shown.items():
        if pk not in expected["themes"]:
            assert row["count"] == 0


@pytest.mark.parametrize(
    "filters",
    [{}, {"language": "ko"}, {"channel": "phone"}, {"language": "en", "channel": "web"}],
    ids=["all", "korean", "phone", "english-web"],
)
def test_report_counts_equal_direct_count(demo, filters):
    run = build_run(consultation=demo["consultation"])
    figures = compute_figures(run=run, filters=ReportFilters(**filters))
    assert_matches(figures, direct_counts(run=run, **filters))


def test_known_numbers_for_the_fixture(demo):
    run = build_run(consultation=demo["consultation"], size=40)
    figures = report_figures(run=run)
    rows = {t["key"]: t for t in figures["themes"]}
    # Even indexes 0..38: 20 items; multiples of 3: 14 items (0, 3, ... 39).
    assert rows["one-number"]["count"] == 20
    assert rows["one-number"]["share"] == 50.0
    assert rows["waiting"]["count"] == 14
    # Stances cycle agree, disagree, unsure, none: even indexes are agree or unsure only.
    assert rows["one-number"]["stance"] == {"agree": 10, "disagree": 0, "unsure": 10, "none": 0}
    assert figures["stance"] == {"agree": 10, "disagree": 10, "unsure": 10, "none": 10}
    assert figures["duplicates"]["groups"] == 1 and figures["duplicates"]["items"] == 3


def test_figures_follow_merges_retirements_and_corrections(demo, analyst_user):
    run = build_run(consultation=demo["consultation"])
    themes = {t.key: t for t in Theme.objects.filter(run=run)}
    review.theme_merge(
        theme=themes["emergent-parking-2"], into=themes["emergent-parking"], user=analyst_user
    )
    review.theme_retire(theme=themes["waiting"], user=analyst_user)
    first = AnalysisItem.objects.get(run=run, object_id=1)
    review.item_review_save(item=first, theme_ids={themes["interpreters"].pk}, user=analyst_user)
    figures = report_figures(run=run)
    assert_matches(figures, direct_counts(run=run))
    keys = [t["key"] for t in figures["themes"]]
    assert "waiting" not in keys and "emergent-parking-2" not in keys
    for filters in ({"language": "ko"}, {"channel": "web"}):
        assert_matches(
            compute_figures(run=run, filters=ReportFilters(**filters)),
            direct_counts(run=run, **filters),
        )


def test_report_page_shows_the_stored_numbers_and_filters(client, demo, analyst_user):
    run = build_run(consultation=demo["consultation"])
    client.force_login(analyst_user)
    html = client.get(reverse("analysis_report", args=[run.pk])).content.decode()
    expected = direct_counts(run=run)
    one_number = Theme.objects.get(run=run, key="one-number")
    assert f'<dd data-figure="total">{expected["total"]}</dd>' in html
    count = expected["themes"][one_number.pk]["count"]
    assert f'<td data-figure="count">{count}</td>' in html
    html = client.get(
        reverse("analysis_report", args=[run.pk]), {"language": "ko", "channel": "phone"}
    ).content.decode()
    filtered = direct_counts(run=run, language="ko", channel="phone")
    assert f'<dd data-figure="total">{filtered["total"]}</dd>' in html
    assert "<svg" in html and 'role="img"' in html
