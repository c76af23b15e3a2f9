"""Every staff screen the project adds to the Wagtail admin passes axe (WCAG 2.2 AA tags) in
English and Korean: the moderation queue, a comment, the bulk confirmation, intake and import,
survey results, analysis runs while running and when finished, themes, review with its
agreement panel, the report, equity and the printable report. One data set and one login serve
both languages: the staff member switches their admin language between the two passes."""

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from wagtail.models import Locale
from wagtail.users.models import UserProfile

from analysis.models import AnalysisRun, Theme
from consultation.models import ImportBatch
from tests.analysis.outcome_fixtures import analyse_and_publish, make_comments
from tests.factories import CommentFactory, SurveyResponseFactory, user_in_role
from tests.survey.conftest import build_survey
from tests.survey.test_results import FIXTURE

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True)]

LANGUAGES = ["en", "ko"]
IMPORT_CSV = (
    "channel,received_on,right,language,stance,text,taken_by,interpreter_used,"
    "interpreter_language,text_form\n"
    "phone,2025-02-14,1,ko,agree,전화 대기 시간이 깁니다.,Outreach team,yes,Korean,paraphrase\n"
)


@pytest.fixture
def staff_data(demo, monkeypatch, client):
    """Comments awaiting moderation, an approved run, a run still going, an import waiting
    for confirmation and a survey with a few responses."""
    monkeypatch.setattr(
        "analysis.inputs.SOURCES", ("tests.analysis.outcome_fixtures.published_comment_items",)
    )
    run, _pages, _keys = analyse_and_publish(demo, make_comments(demo), publish=False)
    running = AnalysisRun.objects.create(
        consultation=demo["consultation"],
        status=AnalysisRun.Status.RUNNING,
        progress_stage="themes",
        progress_done=3,
        progress_total=10,
    )
    texts = (("en", "Call me on 206-555-0100 please."), ("ko", "빨리 답해 주세요."))
    waiting = [
        CommentFactory(status="awaiting_moderation", text=text, language=language)
        for language, text in texts
    ]
    admin = user_in_role("admin", "staff-e2e")
    admin.set_password("pw-staff-e2e")
    admin.save()
    client.force_login(admin)
    client.post(
        "/admin/comment-intake/import/",
        {"draft": demo["drafts"][1].pk, "file": SimpleUploadedFile("c.csv", IMPORT_CSV.encode())},
    )
    survey = build_survey(demo["consultation"])
    for number, (code, channel, answers) in enumerate(FIXTURE):
        SurveyResponseFactory(
            page=survey,
            form_data=answers,
            locale=Locale.objects.get(language_code=code),
            consultation=demo["consultation"],
            channel=channel,
            receipt_code=f"E2E{number}",
        )
    theme = Theme.objects.filter(run=run).first()
    return {
        "run": run,
        "running": running,
        "comment": waiting[0],
        "batch": ImportBatch.objects.get(),
        "survey": survey,
        "theme": theme,
        "user": admin,
    }


def staff_login(page, live_server, user, language):
    profile = UserProfile.get_for_user(user)
    profile.preferred_language = language
    profile.save()
    page.goto(live_server.url + "/admin/login/")
    page.fill("input[name=username]", user.username)
    page.fill("input[name=password]", "pw-staff-e2e")
    page.click("button[type=submit]")
    page.wait_for_url("**/admin/")


def staff_screens(data) -> dict[str, str]:
    run, running = data["run"].pk, data["running"].pk
    return {
        "queue": "/admin/comments/",
        "comment": f"/admin/comments/{data['comment'].pk}/",
        "bulk confirm": "/admin/bulk/consultation/comment/publish/"
        f"?next=/admin/comments/&id={data['comment'].pk}",
        "intake": "/admin/comment-intake/",
        "import": "/admin/comment-intake/import/",
        "import preview": f"/admin/comment-intake/import/{data['batch'].pk}/",
        "survey results index": "/admin/surveys/",
        "survey results": f"/admin/surveys/{data['survey'].pk}/",
        "runs": "/admin/analysis/runs/",
        "start run": "/admin/analysis/runs/new/",
        "run running": f"/admin/analysis/runs/{running}/",
        "run finished": f"/admin/analysis/runs/{run}/",
        "themes": f"/admin/analysis/runs/{run}/themes/",
        "theme": f"/admin/analysis/runs/{run}/themes/{data['theme'].pk}/",
        "review and agreement": f"/admin/analysis/runs/{run}/review/",
        "report": f"/admin/analysis/runs/{run}/report/",
        "equity": f"/admin/analysis/runs/{run}/equity/",
        "printable report": f"/admin/analysis/runs/{run}/report/print/",
    }


def test_every_staff_screen_has_no_axe_violations_in_english_and_korean(
    live_server, staff_data, page, axe_check
):
    found = {}
    for code in LANGUAGES:
        staff_login(page, live_server, staff_data["user"], code)
        for name, path in staff_screens(staff_data).items():
            response = page.goto(live_server.url + path)
            assert response.status == 200, (code, name)
            assert page.locator("html").get_attribute("lang") == code, (code, name)
            violations = axe_check(page)
            if violations:
                found[(code, name)] = violations
        page.context.clear_cookies()
    assert found == {}
