"""One regression test (at least) per finding of the hostile pass (issue 11). Findings tested
elsewhere: 1 (survey deletion) tests/survey/test_delete_permission.py and the admin matrix in
tests/test_admin_matrix.py; 4 (markup kept as typed) tests/participation/test_text.py and
tests/consultation/test_hostile_input.py; 10 (NUL in a survey answer) tests/survey/test_errors.py;
12 (full-width formulas) tests/participation/
test_spreadsheet.py; the whole corpus through every path: tests/test_hostile_corpus.py."""

import csv
import io

import pytest
from django.contrib.contenttypes.models import ContentType
from django.core.files.uploadedfile import SimpleUploadedFile
from django.core.management import call_command
from django.test import Client
from openpyxl import load_workbook

from analysis.sources import survey_items
from consultation.intake import importer
from consultation.models import Comment
from survey.models import SurveyResponse
from tests.consultation.comment_helpers import RIGHT, draft, form_url, post_comment
from tests.factories import (
    AnalysisItemFactory,
    AnalysisRunFactory,
    ThemeAssignmentFactory,
    submit_comment,
)
from tests.survey.conftest import VALID_ANSWERS, build_survey, complete

pytestmark = pytest.mark.django_db
PERSONAL = "Call me on 206-555-0199 or write to jane.doe@example.org."


@pytest.fixture
def survey(demo):
    return build_survey(demo["consultation"])


def _answered(client, survey, comments: str) -> SurveyResponse:
    answers = {**VALID_ANSWERS, 3: {**VALID_ANSWERS[3], "comments": comments}}
    complete(client, survey, answers)
    return SurveyResponse.objects.latest("pk")


# 2 -----------------------------------------------------------------------------------------


def test_a_noncharacter_or_control_in_an_answer_no_longer_breaks_xlsx_exports(
    client, survey, admin_user, demo
):
    response = _answered(client, survey, "fine\ufffe answer\x07 here")
    assert response.form_data["comments"] == "fine answer here"
    run = AnalysisRunFactory(consultation=demo["consultation"])
    item = AnalysisItemFactory(run=run, text="copy with \ufffe inside", field_key="comments")
    ThemeAssignmentFactory(tag__run=run, item=item)
    client.force_login(admin_user)
    for url in (
        f"/admin/surveys/{survey.pk}/export.xlsx",
        f"/admin/analysis/runs/{run.pk}/export.xlsx",
    ):
        reply = client.get(url)
        assert reply.status_code == 200, url
        body = b"".join(reply.streaming_content) if reply.streaming else reply.content
        load_workbook(io.BytesIO(body))


def test_a_comment_never_stores_a_noncharacter(demo):
    comment = submit_comment(draft(demo), text="a\ufffeb\uffffc").comment
    assert comment.text == "abc" and comment.text_cleaned


# 3 -----------------------------------------------------------------------------------------


def test_survey_written_answers_reach_the_analysis_redacted(client, survey, demo):
    response = _answered(client, survey, PERSONAL)
    assert response.form_data["comments"] == PERSONAL
    texts = [item.text for item in survey_items(consultation=demo["consultation"])]
    assert texts and all("206-555-0199" not in t and "jane.doe" not in t for t in texts)
    assert any("[phone]" in t and "[email]" in t for t in texts)
    results = client.get(f"/admin/surveys/{survey.pk}/")  # anonymous: sent to log in
    assert PERSONAL not in results.content.decode()


def test_staff_read_redacted_answers_and_reviewers_decide(client, survey, editor_user, admin_user):
    response = _answered(client, survey, PERSONAL)
    client.force_login(editor_user)
    html = client.get(f"/admin/surveys/{survey.pk}/?text_question=comments").content.decode()
    assert "[phone]" in html and "206-555-0199" not in html
    assert client.get(f"/admin/surveys/responses/{response.pk}/review/").status_code == 302
    client.force_login(admin_user)
    review = client.get(f"/admin/surveys/responses/{response.pk}/review/").content.decode()
    assert "206-555-0199" in review
    client.post(
        f"/admin/surveys/responses/{response.pk}/review/",
        {"action": "edit", "answer-comments": "Call me on [phone] or write to [email] please."},
    )
    response.refresh_from_db()
    assert response.public_answer("comments").endswith("please.")
    assert response.form_data["comments"] == PERSONAL


def test_erasure_by_receipt_code_reaches_the_response_and_its_analysed_copy(client, survey, demo):
    response = _answered(client, survey, PERSONAL)
    run = AnalysisRunFactory(consultation=demo["consultation"])
    copy = AnalysisItemFactory(
        run=run,
        content_type=ContentType.objects.get_for_model(SurveyResponse),
        object_id=response.pk,
        field_key="comments",
        text=PERSONAL,
        district="north",
    )
    call_command("erase_participant", reference=response.receipt_code.lower(), stdout=io.StringIO())
    response.refresh_from_db()
    copy.refresh_from_db()
    assert response.erased_at is not None
    assert "206-555-0199" not in response.form_data["comments"]
    assert "206-555-0199" not in copy.text and copy.district == ""


# 5 and 6 -----------------------------------------------------------------------------------


@pytest.mark.parametrize("step", ["⁰⁴⁵", "١٢", "9" * 40, "-1", "2.5"])
def test_odd_step_numbers_show_the_first_step(client, survey, step):
    assert client.get(survey.url, {"step": step}).status_code == 200


def test_odd_draft_and_version_numbers_are_not_server_errors(client, demo):
    assert client.get("/en/paper-form/", {"draft": "9" * 40}).status_code == 200
    assert client.get("/en/paper-form/", {"draft": "⁰⁴⁵"}).status_code == 200
    compare = "/en/customer-bill-of-rights/draft-2/compare/"
    assert client.get(compare, {"from": "⁰⁴⁵"}).status_code == 200


def test_an_import_with_a_superscript_right_number_gets_a_row_error(client, demo, moderator_user):
    client.force_login(moderator_user)
    out = io.StringIO()
    writer = csv.DictWriter(out, fieldnames=importer.COLUMNS)
    writer.writeheader()
    row = dict.fromkeys(importer.COLUMNS, "")
    row.update(channel="phone", received_on="2025-01-10", right="⁰⁴⁵", language="en")
    row.update(text="A comment", taken_by="Staff", text_form="verbatim")
    writer.writerow(row)
    upload = SimpleUploadedFile("odd.csv", out.getvalue().encode())
    reply = client.post("/admin/comment-intake/import/", {"draft": draft(demo).pk, "file": upload})
    assert reply.status_code == 400
    assert "No right ⁰⁴⁵ in this draft" in reply.content.decode()


# 7 -----------------------------------------------------------------------------------------


class Counting:
    """Rows handed to the checker one at a time, counting how many it pulled."""

    def __init__(self, rows):
        self.rows, self.pulled = iter(rows), 0

    def __iter__(self):
        return self

    def __next__(self):
        row = next(self.rows)
        self.pulled += 1
        return row


def _rows(count: int):
    for number in range(count):
        yield [
            "phone",
            "2025-01-10",
            "",
            "en",
            "",
            f"Comment {number}",
            "Staff",
            "",
            "",
            "verbatim",
        ]


HEADER = [
    "channel",
    "received_on",
    "right",
    "language",
    "stance",
    "text",
    "taken_by",
    "interpreter_used",
    "interpreter_language",
    "text_form",
]


def test_an_import_stops_reading_at_the_row_limit(demo):
    body = Counting(_rows(200_000))
    parsed = importer.validate_rows(HEADER, body, draft(demo))
    assert "more than 5000 rows" in parsed.file_error
    assert body.pulled <= importer.MAX_SHEET_ROWS + 1
    assert parsed.rows == [] and parsed.errors == []  # refused before any row was checked


def test_an_import_stops_reading_when_its_time_budget_runs_out(demo):
    parsed = importer.validate_rows(HEADER, _rows(50), draft(demo), budget=-1)
    assert "took too long" in parsed.file_error
    assert parsed.rows == []


def test_blank_rows_count_against_the_limit_too(demo):
    body = Counting([[""] * len(HEADER)] * 200_000)
    parsed = importer.validate_rows(HEADER, body, draft(demo))
    assert "more than 5000 rows" in parsed.file_error
    assert body.pulled <= importer.MAX_SHEET_ROWS + 1


def test_an_xlsx_that_unpacks_to_far_more_than_it_weighs_is_refused_unread(monkeypatch, demo):
    from openpyxl import Workbook

    workbook = Workbook()
    workbook.active.append(HEADER)
    out = io.BytesIO()
    workbook.save(out)
    monkeypatch.setattr(importer, "MAX_UNPACKED_BYTES", 10)
    upload = SimpleUploadedFile("bomb.xlsx", out.getvalue())
    assert "more than an import can check" in importer.parse_upload(upload, draft(demo)).file_error


# 8 and 9 -----------------------------------------------------------------------------------


def test_a_blank_public_copy_is_a_form_error_and_markup_is_kept(client, demo, moderator_user):
    comment = submit_comment(draft(demo), text=PERSONAL).comment
    client.force_login(moderator_user)
    url = f"/admin/comments/{comment.pk}/"
    for blank in ("", "   ", "\u202e\x00"):
        reply = client.post(
            url, {"form": "redaction", "action": "edit_redaction", "redacted_text": blank}
        )
        assert reply.status_code == 400
    client.post(url, {"form": "redaction", "action": "edit_redaction", "redacted_text": "<b></b>"})
    comment.refresh_from_db()
    assert comment.public_text == "<b></b>"


def test_names_and_districts_are_stored_as_typed(client, demo):
    post_comment(
        client,
        form_url(draft(demo)),
        name="&lt;Ana&gt; <b>Lee</b>",
        district="M&amp;S corner",
        consent_show_name="on",
    )
    comment = Comment.objects.get()
    assert (comment.name, comment.district) == ("&lt;Ana&gt; <b>Lee</b>", "M&amp;S corner")


# 11, 13, 14 (10: tests/survey/test_errors.py) -------------------------------------------


def test_a_get_to_the_admin_logout_keeps_the_session(client, admin_user):
    client.force_login(admin_user)
    reply = client.get("/admin/logout/")
    assert reply.status_code == 405
    assert "sessionid" not in reply.cookies or reply.cookies["sessionid"].value
    assert client.get("/admin/").status_code == 200
    client.post("/admin/logout/")
    assert client.get("/admin/").status_code == 302


def test_a_refused_comment_says_when_to_try_again(demo, settings):
    settings.RATE_LIMITS = {**settings.RATE_LIMITS, "comment": {"limit": 1, "window": 600}}
    resident = Client(REMOTE_ADDR="203.0.113.44")
    url = form_url(draft(demo))
    assert post_comment(resident, url).status_code == 302
    refused = post_comment(resident, url)
    assert refused.status_code == 429
    assert 1 <= int(refused["Retry-After"]) <= 600


def test_erasure_removes_the_residents_name_from_the_text_and_the_analysed_copy(demo):
    text = "I am Ana Lee and my neighbour Lee agrees. Ana"
    comment = submit_comment(draft(demo), right_key=RIGHT, text=text, name="Ana Lee").comment
    run = AnalysisRunFactory(consultation=demo["consultation"])
    copy = AnalysisItemFactory(
        run=run,
        content_type=ContentType.objects.get_for_model(Comment),
        object_id=comment.pk,
        text=text,
    )
    call_command("erase_participant", reference=comment.reference, stdout=io.StringIO())
    comment.refresh_from_db()
    copy.refresh_from_db()
    for stored in (comment.text, copy.text):
        assert "Ana" not in stored and "Lee" not in stored
        assert stored == "I am [name] and my neighbour [name] agrees. [name]"
