"""The plain-language check in the admin: the editor's panel (server-rendered, and refreshed
from the unsaved form), the translation editor's panel, and the report with its exports."""

import csv
import io

import openpyxl
import pytest
from django.test import override_settings
from django.urls import reverse

from consultation.models import BillOfRightsDraftPage
from tests.consultation.readability.helpers import HARD, draft_in, make_hard

pytestmark = pytest.mark.django_db

REPORT = "consultation_readability:report"
PREVIEW = "consultation_readability:preview"


@pytest.fixture
def editor_client(client, editor_user):
    client.force_login(editor_user)
    return client


def edit_page(client, page):
    return client.get(reverse("wagtailadmin_pages:edit", args=[page.pk])).content.decode()


def body_form(page, *, statement_at: int | None = None, statement: str = "") -> dict:
    data = {"body-count": str(len(page.body)), "readability-language": page.locale.language_code}
    for index, block in enumerate(page.body):
        value = block.value
        prefix = f"body-{index}"
        data.update(
            {
                f"{prefix}-type": "right",
                f"{prefix}-id": block.id,
                f"{prefix}-order": str(index),
                f"{prefix}-deleted": "",
                f"{prefix}-value-principle": value["principle"],
                f"{prefix}-value-title": value["title"],
                f"{prefix}-value-statement": statement
                if index == statement_at
                else value["statement"],
                f"{prefix}-value-commitment": value["commitment"],
            }
        )
    return data


def test_editor_sees_the_panel_with_every_right_of_the_english_draft(editor_client, demo):
    draft = demo["drafts"][1]
    html = edit_page(editor_client, draft)
    assert "Plain-language check" in html
    assert "data-readability-panel" in html
    assert "consultation/readability.js" in html
    for number, block in enumerate(draft.body, start=1):
        assert f"Right {number}" in html
        assert block.value["title"] in html
    assert "No reading-level formula" not in html  # English has Flesch and Flesch-Kincaid
    assert "Flesch reading ease" in html


def test_titles_get_no_reading_level_score(demo):
    from consultation.readability_admin.rights import rights_readability

    right = rights_readability(body=demo["drafts"][1].body, language="en")[0]
    title, statement, _commitment = right.parts
    assert title.result.get("flesch_reading_ease") is None
    assert statement.result.get("flesch_reading_ease") is not None


def test_the_panel_suggests_fixes_for_a_hard_right_in_the_saved_draft(editor_client, demo):
    draft = demo["drafts"][1]
    make_hard(draft, "en")
    html = edit_page(editor_client, draft)
    assert "Words per sentence, on average" in html
    assert "Say who does what (active voice) instead of: are reviewed" in html
    assert "Notwithstanding" in html


def test_a_hard_right_can_still_be_published(editor_client, demo):
    draft = demo["drafts"][1]
    data = {
        "title": draft.title,
        "slug": draft.slug,
        "version_number": str(draft.version_number),
        "summary": draft.summary,
        "change_note": draft.change_note,
        "action-publish": "publish",
        **body_form(draft, statement_at=0, statement=HARD["en"]),
    }
    response = editor_client.post(reverse("wagtailadmin_pages:edit", args=[draft.pk]), data)
    assert response.status_code == 302
    draft.refresh_from_db()
    assert draft.body[0].value["statement"] == HARD["en"]


def test_the_panel_refreshes_from_the_unsaved_form_without_saving(editor_client, demo):
    draft = demo["drafts"][1]
    revisions = draft.revisions.count()
    data = body_form(draft, statement_at=0, statement=HARD["en"])
    response = editor_client.post(reverse(PREVIEW), data)
    assert response.status_code == 200
    html = response.content.decode()
    assert "Right 1" in html
    assert "are reviewed" in html
    assert "1 of 10 rights has suggestions" in html or "of 10 rights have suggestions" in html
    assert draft.revisions.count() == revisions
    draft.refresh_from_db()
    assert draft.body[0].value["statement"] != HARD["en"]


def test_the_refresh_rejects_a_malformed_form(editor_client, demo):
    response = editor_client.post(reverse(PREVIEW), {"readability-language": "en"})
    assert response.status_code == 400


def test_a_korean_draft_says_it_has_length_measures_only(editor_client, demo):
    # Korean pages are wagtail-localize translations: the panel sits under the translation editor.
    html = edit_page(editor_client, draft_in(demo, "ko"))
    assert "js-translation-editor" in html
    assert "Plain-language check" in html
    assert "No reading-level formula has been published and tested for Korean" in html
    assert "passive-voice rule" not in html  # Korean has one (the 되다 passive)


@pytest.mark.parametrize("language", ["es", "ru"])
def test_translators_see_the_panel_on_a_translation_with_its_own_scores(
    editor_client, demo, language
):
    page = draft_in(demo, language)
    make_hard(page, language)
    html = edit_page(editor_client, page)
    assert "Plain-language check" in html
    label, passive = {
        "es": ("Fernández Huerta", "son examinadas"),
        "ru": ("Oborneva", "будут рассмотрены"),
    }[language]
    assert label in html
    assert f"Say who does what (active voice) instead of: {passive}" in html


def test_the_report_lists_a_hard_right_first_in_its_language(editor_client, demo):
    page = draft_in(demo, "ru")
    make_hard(page, "ru")
    response = editor_client.get(reverse(REPORT), {"language": "ru"})
    assert response.status_code == 200
    entries = response.context["object_list"]
    assert entries[0].language == "ru"
    assert entries[0].right_number == 4
    assert entries[0].part_label == "Statement"
    assert entries[0].text == HARD["ru"]
    assert all(e.language == "ru" for e in entries)
    severities = [e.severity for e in entries]
    assert severities == sorted(severities, reverse=True)


def test_the_report_groups_languages_in_the_platform_order(editor_client, demo):
    make_hard(demo["drafts"][1], "en")
    make_hard(draft_in(demo, "es"), "es")
    response = editor_client.get(reverse(REPORT))
    languages = [e.language for e in response.context["object_list"]]
    assert languages.index("en") < languages.index("es")
    assert languages == sorted(
        languages, key=["en", "ko", "es", "zh-hans", "vi", "so", "tl", "am", "ru"].index
    )
    summary = {item["code"]: item for item in response.context["per_language"]}
    assert summary["es"]["rights"] >= 1


def test_the_report_reads_only_the_newest_draft_of_each_language(editor_client, demo):
    response = editor_client.get(reverse(REPORT))
    titles = {e.draft_title for e in response.context["object_list"]}
    draft1_titles = set(
        BillOfRightsDraftPage.objects.filter(version_number=1).values_list("title", flat=True)
    )
    assert not titles & draft1_titles


def test_city_thresholds_change_what_the_report_lists(editor_client, demo):
    strict = {"en": {"sentence_length": 1, "longest_sentence": 1}}
    with override_settings(READABILITY_THRESHOLDS=strict):
        response = editor_client.get(reverse(REPORT), {"language": "en"})
    strict_rows = len(response.context["object_list"])
    lenient = {
        "en": dict.fromkeys(
            (
                "sentence_length",
                "longest_sentence",
                "long_words",
                "passive",
                "flesch_kincaid_grade",
            ),
            1000,
        )
        | {"flesch_reading_ease": -1000}
    }
    with override_settings(READABILITY_THRESHOLDS=lenient):
        response = editor_client.get(reverse(REPORT), {"language": "en"})
    assert strict_rows >= 10
    assert len(response.context["object_list"]) == 0
    assert "Every right in the newest drafts is within the thresholds." in response.content.decode()


def test_the_report_exports_csv_with_formula_cells_defused(editor_client, demo):
    page = demo["drafts"][1]
    page = page.get_latest_revision_as_object()
    block = page.body[0]
    page.body[0] = (
        "right",
        {**dict(block.value), "statement": "=HYPERLINK(1) " + HARD["en"]},
        block.id,
    )
    page.save_revision()
    response = editor_client.get(reverse(REPORT), {"language": "en", "export": "csv"})
    assert response.status_code == 200
    rows = list(csv.reader(io.StringIO(b"".join(response.streaming_content).decode())))
    assert rows[0][:3] == ["Language", "Draft", "Right number"]
    texts = [row[-1] for row in rows[1:]]
    assert "'=HYPERLINK(1) " + HARD["en"] in texts


def test_the_report_exports_xlsx(editor_client, demo):
    make_hard(demo["drafts"][1], "en")
    response = editor_client.get(reverse(REPORT), {"language": "en", "export": "xlsx"})
    assert response.status_code == 200
    workbook = openpyxl.load_workbook(io.BytesIO(b"".join(response.streaming_content)))
    sheet = workbook.active
    header = [cell.value for cell in sheet[1]]
    assert header[-1] == "Text"
    assert HARD["en"] in [row[-1] for row in sheet.iter_rows(min_row=2, values_only=True)]
