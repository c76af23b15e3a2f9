"""The principle x stance matrix split by language, channel and district adds up to the whole,
and each theme's page states its majority view and any minority view with the comments
behind each."""

import pytest
from django.urls import reverse

from analysis.models import AnalysisItem, Theme
from analysis.reports.figures import STANCES, compute_figures
from analysis.reports.stance_views import stance_views
from tests.analysis.report_fixtures import build_run

pytestmark = pytest.mark.django_db


@pytest.fixture
def run(demo):
    return build_run(consultation=demo["consultation"], size=40)


@pytest.mark.parametrize("split", ["language", "channel", "district"])
def test_each_split_of_the_matrix_adds_up_to_the_whole(run, split):
    figures = compute_figures(run=run)
    groups = figures["principle_stance_groups"][split]
    assert len(groups) > 1
    for principle, whole in figures["principle_stance"].items():
        for stance in STANCES:
            parts = sum(matrix.get(principle, {}).get(stance, 0) for matrix in groups.values())
            assert parts == whole[stance]
    korean = compute_figures(run=run)["principle_stance_groups"]["language"]["ko"]
    count = AnalysisItem.objects.filter(run=run, language="ko").count()
    assert sum(sum(row.values()) for row in korean.values()) == count


def test_report_shows_one_matrix_per_group_under_its_name(client, analyst_user, run):
    client.force_login(analyst_user)
    url = reverse("analysis_report", args=[run.pk])
    html = client.get(url, {"split": "language"}).content.decode()
    assert 'data-split="language" data-group="ko"' in html
    assert "Principle and stance: Korean" in html
    assert 'data-split="channel"' in client.get(url, {"split": "channel"}).content.decode()
    assert "data-split=" not in client.get(url, {"split": "nonsense"}).content.decode()


def test_views_name_the_majority_and_each_minority_with_their_comments():
    rows = [("agree", f"yes {i}", "en", f"r{i}") for i in range(5)]
    rows += [("disagree", "no thanks", "ko", "d1"), ("disagree", "not this", "en", "d2")]
    rows += [("unsure", "maybe", "en", "u1"), ("", "no stance", "en", "n1")]
    views = stance_views(rows)
    assert views["stated"] == 8 and not views["tied"]
    assert (views["majority"].stance, views["majority"].count) == ("agree", 5)
    assert len(views["majority"].comments) == 3
    assert [v.stance for v in views["minorities"]] == ["disagree"]
    assert {c["text"] for c in views["minorities"][0].comments} == {"no thanks", "not this"}
    tie = stance_views([("agree", "a", "en", "1"), ("disagree", "b", "en", "2")])
    assert tie["tied"] and tie["minorities"] == []
    assert stance_views([("", "x", "en", "1")])["majority"] is None


def test_theme_page_states_majority_and_minority_views(client, analyst_user, run):
    client.force_login(analyst_user)
    theme = Theme.objects.get(run=run, key="one-number")
    html = client.get(reverse("analysis_theme_detail", args=[run.pk, theme.pk])).content.decode()
    # The fixture's even-numbered comments agree or are unsure in turn: a tie, said as such.
    assert 'data-view="majority"' in html and "No single majority: Agree" in html
    assert 'data-view="minority"' in html and "Minority view: Unsure" in html
