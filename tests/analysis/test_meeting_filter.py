"""A theme report filters by meeting: comments staff recorded from a meeting carry it into the
run, and the report's meeting filter shows exactly those, named by date and title."""

import pytest
from django.utils import timezone

from analysis.models import AnalysisItem, AnalysisRun
from analysis.reports.figures import ReportFilters, compute_figures
from analysis.services import analysis_run_create, analysis_run_execute
from analysis.views.forms import ReportFilterForm
from consultation.intake.services import intake_record
from consultation.services import comment_approve
from tests.consultation.comment_helpers import RIGHT, draft
from tests.consultation.meeting_helpers import meeting
from tests.factories import submit_comment

pytestmark = pytest.mark.django_db

MEETING_TEXTS = [
    ("ko", "전화 대기 시간이 너무 깁니다. 빨리 답해 주세요."),
    ("en", "We need interpreters at every service desk in the city."),
]


def _meeting_comment(demo, language, text, past):
    data = {
        "channel": "meeting",
        "meeting": past,
        "received_on": past.starts_at.date(),
        "taken_by": "Dana",
        "text_form": "verbatim",
        "language": language,
        "stance": "agree",
        "text": text,
    }
    return intake_record(data=data, draft=draft(demo), right_key=RIGHT, user=None).comment


def test_report_filter_by_meeting_shows_only_that_meetings_comments(demo, admin_user):
    past = meeting(demo, kind="past")
    comments = [_meeting_comment(demo, lang, text, past) for lang, text in MEETING_TEXTS]
    comments.append(submit_comment(draft(demo), text="The phone line is always busy.").comment)
    for comment in comments:
        comment_approve(comment=comment, user=admin_user)
    run = analysis_run_create(consultation=demo["consultation"], enqueue=False)
    analysis_run_execute(run_id=run.pk)
    run = AnalysisRun.objects.get(pk=run.pk)
    key = str(past.translation_key)
    assert AnalysisItem.objects.filter(run=run, meeting=key).count() == 2

    form = ReportFilterForm({"meeting": key}, run=run, groups={})
    label = dict(form.fields["meeting"].choices)[key]
    assert past.title in label and f"{timezone.localtime(past.starts_at):%Y-%m-%d}" in label
    figures = compute_figures(run=run, filters=form.filters())
    assert figures["total"] == 2
    assert figures["groups"]["language"] == {"ko": 1, "en": 1}
    assert compute_figures(run=run, filters=ReportFilters())["total"] == 3


def test_report_page_offers_the_meeting_filter(client, demo, analyst_user):
    past = meeting(demo, kind="past")
    comment = _meeting_comment(demo, *MEETING_TEXTS[1], past)
    comment_approve(comment=comment, user=None)
    run = analysis_run_create(consultation=demo["consultation"], enqueue=False)
    analysis_run_execute(run_id=run.pk)
    client.force_login(analyst_user)
    key = str(past.translation_key)
    html = client.get(f"/admin/analysis/runs/{run.pk}/report/?meeting={key}").content.decode()
    assert 'name="meeting"' in html and f'<option value="{key}" selected>' in html
