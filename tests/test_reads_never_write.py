"""Reads never write: every public page a resident can open with a GET, in several languages,
runs without a single INSERT, UPDATE or DELETE, including the analysis pages while their stored
report is not yet refreshed (they compute the figures, they do not store them)."""

from datetime import timedelta

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone
from wagtail.models import Locale

from analysis.models import ReportSnapshot
from analysis.services.opinions import opinions_refresh
from consultation.demo import right_block_id
from consultation.kiosks.access import kiosk_link_token
from consultation.kiosks.services import kiosk_issue
from consultation.services.voting import vote_cast
from tests.analysis.outcome_fixtures import analyse_and_publish, make_comments
from tests.consultation.statement_helpers import make_statements
from tests.survey.conftest import build_survey

pytestmark = pytest.mark.django_db
WRITES = ("insert", "update", "delete", "replace")


@pytest.fixture
def site(demo, monkeypatch):
    monkeypatch.setattr(
        "analysis.inputs.SOURCES", ("tests.analysis.outcome_fixtures.published_comment_items",)
    )
    comments = make_comments(demo)
    run, pages, _keys = analyse_and_publish(demo, comments)
    ReportSnapshot.objects.filter(run=run).delete()  # as before the refresh task has run
    survey = build_survey(demo["consultation"])
    statements = make_statements(demo)
    vote_cast(statement=statements[0], value=1, token="r" * 32, language="ko")
    opinions_refresh(consultation_key=demo["consultation"].translation_key)
    return {
        "comment": comments[0],
        "pages": pages,
        "survey": survey,
        "drafts": demo["drafts"],
        "consultation": demo["consultation"],
        "meetings": demo["meetings"],
        "kiosk": kiosk_issue(
            name="Library PC", expires_at=timezone.now() + timedelta(hours=1), user=None
        ),
    }


def public_urls(site) -> list[str]:
    draft = site["drafts"][1]
    right = right_block_id("timely-reply")
    urls = ["/en/", "/en/customer-bill-of-rights/", "/en/paper-form/", "/en/status/"]
    for code in ("en", "ko", "am"):
        base = f"/{code}/customer-bill-of-rights/"
        urls += [
            base,
            f"{base}draft-1/",
            f"{base}draft-2/",
            f"{base}draft-2/compare/",
            f"{base}draft-2/compare/?from=1",
            f"/{code}/comment/{draft.pk}/{right}/",
            f"/{code}/comments/{draft.pk}/{right}/",
            f"/{code}/comments/{draft.pk}/",
            f"/{code}/status/?code={site['comment'].reference}",
            f"/{code}/paper-form/?draft={draft.pk}",
            f"/{code}/statements/{site['consultation'].pk}/",
            f"/{code}/statements/{site['consultation'].pk}/propose/",
            f"/{code}/statements/{site['consultation'].pk}/results/",
            f"/{code}/open-data/",
            f"/{code}/kiosk/{kiosk_link_token(site['kiosk'])}/",
        ]
        for meeting in site["meetings"]:
            local = meeting.get_translation(Locale.objects.get(language_code=code))
            urls += [
                local.url,
                f"/{code}/meetings/{local.pk}/sign-up/",
                f"/{code}/meetings/{local.pk}/calendar.ics",
            ]
    urls += [page.url for page in site["pages"].values()]
    api = "/api/open-data/v1/"
    urls += [api, f"{api}consultations/", f"{api}comments/?lang=ko", f"{api}themes/"]
    urls += [f"{api}comments/?theme=x&page=2", f"{api}openapi.json"]
    urls += [site["survey"].url, site["survey"].url + "print/", site["survey"].url + "?step=2"]
    return urls


def test_no_get_on_a_public_page_writes_to_the_database(client, site):
    for url in public_urls(site):
        with CaptureQueriesContext(connection) as queries:
            response = client.get(url, follow=True)
        assert response.status_code == 200, url
        writes = [q["sql"] for q in queries if q["sql"].lstrip().lower().startswith(WRITES)]
        assert writes == [], url
