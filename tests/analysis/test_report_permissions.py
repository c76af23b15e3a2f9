"""Every report and review screen: analysts and admins in, everyone else out."""

import pytest
from django.urls import reverse

from analysis.models import AnalysisItem, Theme
from tests.analysis.report_fixtures import build_run

pytestmark = pytest.mark.django_db


@pytest.fixture
def users(admin_user, editor_user, moderator_user, analyst_user):
    return {
        "admin": admin_user,
        "editor": editor_user,
        "moderator": moderator_user,
        "analyst": analyst_user,
    }


ROLES = [
    ("anonymous", False),
    ("moderator", False),
    ("editor", False),
    ("analyst", True),
    ("admin", True),
]


@pytest.mark.parametrize(("role", "allowed"), ROLES)
def test_report_screens_permission_matrix(client, users, demo, role, allowed):
    run = build_run(consultation=demo["consultation"], size=12)
    theme = Theme.objects.get(run=run, key="emergent-parking")
    if role != "anonymous":
        client.force_login(users[role])
    urls = [
        reverse("analysis_report", args=[run.pk]),
        reverse("analysis_report_print", args=[run.pk]),
        reverse("analysis_equity", args=[run.pk]),
        reverse("analysis_theme_review", args=[run.pk]),
        reverse("analysis_theme_detail", args=[run.pk, theme.pk]),
        reverse("analysis_item_review", args=[run.pk]),
        reverse("analysis_export_csv", args=[run.pk]),
        reverse("analysis_export_xlsx", args=[run.pk]),
    ]
    for url in urls:
        response = client.get(url)
        if role == "anonymous":
            assert response.status_code == 302 and "/admin/login/" in response["Location"], url
        elif allowed:
            assert response.status_code == 200, url
        else:
            assert response.status_code in (302, 403), url
    posts = [
        (reverse("analysis_run_approve", args=[run.pk]), {}),
        (reverse("analysis_theme_action", args=[run.pk, theme.pk]), {"action": "approve"}),
        (
            reverse("analysis_item_review", args=[run.pk]),
            {"item": AnalysisItem.objects.filter(run=run).first().pk, "themes": [theme.pk]},
        ),
        (
            reverse("analysis_equity", args=[run.pk]),
            {
                "shares-TOTAL_FORMS": "1",
                "shares-INITIAL_FORMS": "0",
                "shares-0-dimension": "language",
                "shares-0-value": "ko",
                "shares-0-percent": "10",
            },
        ),
    ]
    for url, data in posts:
        response = client.post(url, data)
        went_on = response.status_code == 302 and response["Location"].startswith(
            "/admin/analysis/"
        )
        assert went_on is allowed, url
    run.refresh_from_db()
    theme.refresh_from_db()
    assert (run.approved_at is not None) is allowed
    assert (theme.state == "approved") is allowed
    assert run.assignments.filter(source="analyst").exists() is allowed


def test_equity_view_flags_small_group_themes_and_compares_population(client, analyst_user, demo):
    run = build_run(consultation=demo["consultation"], size=40)
    client.force_login(analyst_user)
    url = reverse("analysis_equity", args=[run.pk])
    response = client.post(
        url,
        {
            "shares-TOTAL_FORMS": "2",
            "shares-INITIAL_FORMS": "0",
            "shares-0-dimension": "language",
            "shares-0-value": "am",
            "shares-0-percent": "40",
            "shares-1-dimension": "language",
            "shares-1-value": "ko",
            "shares-1-percent": "",
        },
    )
    assert response.status_code == 400
    assert 'aria-describedby="id_shares-1-percent-error"' in response.content.decode()
    client.post(
        url,
        {
            "shares-TOTAL_FORMS": "1",
            "shares-INITIAL_FORMS": "0",
            "shares-0-dimension": "language",
            "shares-0-value": "am",
            "shares-0-percent": "40",
        },
    )
    html = client.get(url).content.decode()
    # Amharic wrote 8 of 40 comments (20%) against 40% of the population: ratio 0.5.
    assert "0.5 <strong>under-represented</strong>" in html
