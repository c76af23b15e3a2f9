"""An editor makes Draft 2 in the admin, translates it with wagtail-localize (a PO file, as a
city's translators work offline) and publishes; residents then see both versions compared."""

import io

import polib
import pytest
from django.urls import reverse
from wagtail.models import Locale
from wagtail_localize.models import Translation

from consultation.models import BillOfRightsDraftPage

pytestmark = pytest.mark.django_db

NEW_COMMITMENT = "We answer every message within one business day."
NEW_COMMITMENT_KO = "모든 메시지에 영업일 기준 하루 안에 답합니다."


def _body_form_data(page, change_index: int, new_commitment: str) -> dict:
    data = {"body-count": str(len(page.body))}
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
                f"{prefix}-value-statement": value["statement"],
                f"{prefix}-value-commitment": (
                    new_commitment if index == change_index else value["commitment"]
                ),
            }
        )
    return data


@pytest.fixture
def editor_client(client, editor_user):
    client.force_login(editor_user)
    return client


def test_editor_copies_edits_translates_and_publishes_a_new_draft(
    editor_client, client, demo, django_capture_on_commit_callbacks
):
    draft1 = demo["drafts"][0]
    consultation = demo["consultation"]
    # 1. Copy Draft 1 as the starting point of Draft 3 (keeps every right's key).
    response = editor_client.post(
        reverse("wagtailadmin_pages:copy", args=[draft1.id]),
        {
            "new_title": "Customer Bill of Rights: Draft 3",
            "new_slug": "draft-3",
            "new_parent_page": consultation.id,
            "publish_copies": "",
        },
    )
    assert response.status_code == 302
    draft3 = BillOfRightsDraftPage.objects.get(slug="draft-3", locale=draft1.locale)
    assert [b.id for b in draft3.body] == [b.id for b in draft1.body]

    # 2. Edit one commitment, set the version number and publish.
    changed_key = draft3.body[2].id
    form = {
        "title": "Customer Bill of Rights: Draft 3",
        "slug": "draft-3",
        "version_number": "3",
        "summary": draft3.summary,
        "change_note": "Faster replies, as residents asked.",
        "action-publish": "publish",
        **_body_form_data(draft3, 2, NEW_COMMITMENT),
    }
    response = editor_client.post(reverse("wagtailadmin_pages:edit", args=[draft3.id]), form)
    assert response.status_code == 302, response.content.decode()[:2000]
    draft3.refresh_from_db()
    assert draft3.live and draft3.body[2].value["commitment"] == NEW_COMMITMENT

    # 3. Submit it for translation into Korean.
    korean = Locale.objects.get(language_code="ko")
    response = editor_client.post(
        reverse("wagtail_localize:submit_page_translation", args=[draft3.id]),
        {"locales": [korean.id]},
    )
    assert response.status_code == 302
    translation = Translation.objects.get(
        source__object_id=draft3.translation_key, target_locale=korean
    )

    # 4. Download the PO file, fill it in offline, upload it.
    po_text = editor_client.get(
        reverse("wagtail_localize:download_pofile", args=[translation.id])
    ).content.decode()
    po = polib.pofile(po_text)
    ko_rights = {b.id: b.value for b in draft1.get_translation(korean).body}
    for entry in po:
        field = entry.msgctxt.split(".")[-1]
        if entry.msgctxt == "title":
            entry.msgstr = "고객 권리장전: 제3차 초안"
        elif entry.msgctxt.startswith("body.") and entry.msgctxt.startswith(
            f"body.{changed_key}.commitment"
        ):
            entry.msgstr = NEW_COMMITMENT_KO
        elif entry.msgctxt.startswith("body."):
            entry.msgstr = ko_rights[entry.msgctxt.split(".")[1]][field]
        elif entry.msgctxt in ("summary", "change_note"):
            entry.msgstr = "번역된 " + entry.msgid
    upload = io.BytesIO(str(po).encode())
    upload.name = "draft-3-ko.po"
    response = editor_client.post(
        reverse("wagtail_localize:upload_pofile", args=[translation.id]),
        {"file": upload, "next": "/admin/"},
    )
    assert response.status_code == 302

    # 5. Publish the Korean translation from the translation editor.
    draft3_ko = draft3.get_translation(korean)
    # wagtail-localize publishes after commit; run those callbacks as a real request would.
    with django_capture_on_commit_callbacks(execute=True):
        response = editor_client.post(
            reverse("wagtailadmin_pages:edit", args=[draft3_ko.id]), {"action": "publish"}
        )
    assert response.status_code == 302
    draft3_ko.refresh_from_db()
    assert draft3_ko.live

    # 6. A resident reads Draft 3 in Korean and compares it with Draft 1.
    client.logout()
    html = client.get(draft3_ko.url).content.decode()
    assert "고객 권리장전: 제3차 초안" in html and NEW_COMMITMENT_KO in html
    html = client.get(draft3_ko.url + "compare/?from=1").content.decode()
    assert f'class="change change-changed" id="change-{changed_key}"' in html
    assert "<ins>" in html
    html = client.get(draft1.get_translation(korean).url).content.decode()
    assert "고객 권리장전: 제3차 초안" in html  # listed among all versions
