"""Staff record comments from the phone, in person, at meetings and by mail with where they came
from, and import spreadsheets: all rows or none, every problem named by row and column."""

import csv
import io
from datetime import date

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from openpyxl import Workbook, load_workbook

from consultation.intake import importer
from consultation.models import Comment, CommentProvenance, CommentStatus, ImportBatch

from .comment_helpers import RIGHT, draft

pytestmark = pytest.mark.django_db


def _intake(client, demo, **fields):
    page = draft(demo)
    data = {
        "channel": "phone",
        "received_on": "2025-03-03",
        "taken_by": "Dana at the 311 desk",
        "target": f"{page.pk}:{RIGHT}",
        "text_form": "paraphrase",
        "language": "so",
        "stance": "agree",
        "text": "Caller wants one number that works on weekends.",
    }
    data.update(fields)
    return client.post("/admin/comment-intake/", data)


@pytest.mark.parametrize("channel", ["phone", "in_person", "meeting", "mail", "email"])
def test_staff_record_a_comment_from_each_channel_with_provenance(
    client, demo, moderator_user, channel
):
    client.force_login(moderator_user)
    response = _intake(
        client,
        demo,
        channel=channel,
        interpreter_used="on",
        interpreter_language="Somali",
        source_detail="Rainier Beach community meeting",
    )
    assert response.status_code == 302
    comment = Comment.objects.get()
    assert comment.channel == channel
    assert comment.status == CommentStatus.AWAITING_MODERATION
    assert comment.language == "so"
    assert comment.right_key == RIGHT
    provenance = comment.provenance
    assert provenance.received_on == date(2025, 3, 3)
    assert provenance.taken_by == "Dana at the 311 desk"
    assert provenance.recorded_by == moderator_user
    assert provenance.interpreter_used is True
    assert provenance.interpreter_language == "Somali"
    assert provenance.text_form == "paraphrase"
    assert comment.received_at.date() == date(2025, 3, 3)


def test_intake_requires_the_interpreter_language_when_one_was_used(client, demo, moderator_user):
    client.force_login(moderator_user)
    response = _intake(client, demo, interpreter_used="on")
    assert response.status_code == 400
    assert "Say which language the interpreter worked in." in response.content.decode()
    assert Comment.objects.count() == 0


def test_intake_refuses_a_date_in_the_future(client, demo, moderator_user):
    client.force_login(moderator_user)
    response = _intake(client, demo, received_on="2999-01-01")
    assert response.status_code == 400
    assert Comment.objects.count() == 0


def _row(n: int, **extra) -> dict:
    row = {
        "channel": ["phone", "in_person", "meeting", "mail", "email"][n % 5],
        "received_on": "2025-02-14",
        "right": str(n % 10 + 1),
        "language": ["en", "ko", "es", "vi", "so", "am"][n % 6],
        "stance": ["agree", "disagree", "unsure", "none", ""][n % 5],
        "text": f"Comment {n} from the community meeting about waiting times.",
        "taken_by": "Outreach team",
        "interpreter_used": "yes" if n % 3 == 0 else "no",
        "interpreter_language": "Amharic" if n % 3 == 0 else "",
        "text_form": "verbatim" if n % 2 else "paraphrase",
    }
    row.update(extra)
    return row


def _csv(rows: list[dict]) -> bytes:
    out = io.StringIO()
    writer = csv.DictWriter(out, fieldnames=importer.COLUMNS)
    writer.writeheader()
    for row in rows:
        writer.writerow(row)
    return out.getvalue().encode("utf-8")


def _xlsx(rows: list[dict]) -> bytes:
    workbook = Workbook()
    sheet = workbook.active
    sheet.append(importer.COLUMNS)
    for row in rows:
        sheet.append([row.get(column, "") for column in importer.COLUMNS])
    out = io.BytesIO()
    workbook.save(out)
    return out.getvalue()


def _upload(client, demo, content: bytes, name: str = "comments.csv"):
    return client.post(
        "/admin/comment-intake/import/",
        {"draft": draft(demo).pk, "file": SimpleUploadedFile(name, content)},
    )


def test_import_of_1000_rows_previews_then_imports_all(client, demo, moderator_user):
    client.force_login(moderator_user)
    response = _upload(client, demo, _csv([_row(n) for n in range(1000)]))
    assert response.status_code == 302, response.content.decode()[:2000]
    assert Comment.objects.count() == 0
    preview = client.get(response["Location"])
    assert "The file has 1000 comments" in preview.content.decode()
    batch = ImportBatch.objects.get()
    confirm = client.post(f"/admin/comment-intake/import/{batch.pk}/confirm/")
    assert confirm.status_code == 302
    assert Comment.objects.count() == 1000
    assert CommentProvenance.objects.filter(import_batch=batch).count() == 1000
    assert set(Comment.objects.values_list("channel", flat=True)) == {
        "phone",
        "in_person",
        "meeting",
        "mail",
        "email",
    }
    batch.refresh_from_db()
    assert batch.rows == []
    client.post(f"/admin/comment-intake/import/{batch.pk}/confirm/")
    assert Comment.objects.count() == 1000


def test_one_bad_row_imports_nothing_and_names_the_row_and_reason(client, demo, moderator_user):
    client.force_login(moderator_user)
    rows = [_row(n) for n in range(20)]
    rows[6]["stance"] = "maybe"
    rows[11]["received_on"] = "31/31/2025"
    response = _upload(client, demo, _csv(rows))
    assert response.status_code == 400
    html = response.content.decode()
    assert "Nothing was imported" in html
    assert "<td>8</td><td>stance</td>" in html
    assert "<td>13</td><td>received_on</td>" in html
    assert Comment.objects.count() == 0
    assert ImportBatch.objects.count() == 0


def test_xlsx_import_works_the_same(client, demo, moderator_user):
    client.force_login(moderator_user)
    response = _upload(client, demo, _xlsx([_row(n) for n in range(5)]), "comments.xlsx")
    assert response.status_code == 302
    batch = ImportBatch.objects.get()
    client.post(f"/admin/comment-intake/import/{batch.pk}/confirm/")
    assert Comment.objects.count() == 5


def test_import_that_fails_while_saving_stores_nothing(demo, moderator_user, monkeypatch):
    from consultation.intake import services as intake_services

    rows = importer.validate_rows(
        importer.COLUMNS,
        [[r.get(c, "") for c in importer.COLUMNS] for r in map(_row, range(10))],
        draft(demo),
    ).rows
    batch = intake_services.import_batch_create(
        file_name="x.csv", draft=draft(demo), user=moderator_user, rows=rows
    )
    original = intake_services.intake_record
    calls = {"n": 0}

    def fail_on_seventh(**kwargs):
        calls["n"] += 1
        if calls["n"] == 7:
            raise RuntimeError("disk full")
        return original(**kwargs)

    monkeypatch.setattr(intake_services, "intake_record", fail_on_seventh)
    with pytest.raises(RuntimeError):
        intake_services.import_batch_commit(batch=batch, user=moderator_user)
    assert Comment.objects.count() == 0
    batch.refresh_from_db()
    assert batch.status == "previewed"


def test_templates_download_as_csv_and_xlsx(client, demo, moderator_user):
    client.force_login(moderator_user)
    csv_response = client.get("/admin/comment-intake/import/template.csv")
    assert csv_response["Content-Type"].startswith("text/csv")
    assert csv_response.content.decode("utf-8-sig").strip() == ",".join(importer.COLUMNS)
    xlsx = client.get(f"/admin/comment-intake/import/template.xlsx?draft={draft(demo).pk}")
    workbook = load_workbook(io.BytesIO(xlsx.content))
    assert workbook.sheetnames == ["comments", "rights", "instructions"]
    assert [c.value for c in workbook["comments"][1]] == importer.COLUMNS
    assert workbook["rights"].max_row == 11


def test_paper_form_lists_every_right_in_the_language(client, demo):
    from django.utils.html import escape

    from consultation.demo import load_content

    for code in ("en", "am", "zh-hans"):
        html = client.get(f"/{code}/paper-form/").content.decode()
        assert f'<html lang="{code}"' in html
        content = load_content(code)
        assert escape(content["draft2"]["title"]) in html
        assert escape(content["rights"]["one-number"]["title"]) in html
        assert "consultation/comments.css" in html
    from django.contrib.staticfiles import finders

    with open(finders.find("consultation/comments.css"), encoding="utf-8") as css:
        assert "@media print" in css.read()
