"""The plain-language check in the browser: an editor sees the panel on a right in English,
Spanish and Russian (the last two in wagtail-localize's translation editor), watches it
refresh while typing, and finds a deliberately hard right at the top of the per-language
report, which passes axe with the admin in English and in Korean."""

import pytest
from playwright.sync_api import expect

from tests.consultation.readability.helpers import draft_in, make_hard

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True)]

PASSIVE = {"en": "are reviewed", "es": "son examinadas", "ru": "будут рассмотрены"}


@pytest.fixture
def editor_login(page, live_server, django_user_model):
    # A flush between browser tests empties the groups' page permissions that migrations
    # created, so the editor here is a superuser; tests/consultation/readability covers the
    # Editors group.
    def login(language="en"):
        django_user_model.objects.create_superuser("editor-e2e", "e@example.org", "pw-e2e-1")
        from django.contrib.auth import get_user_model
        from wagtail.users.models import UserProfile

        profile = UserProfile.get_for_user(get_user_model().objects.get(username="editor-e2e"))
        profile.preferred_language = language
        profile.save()
        page.goto(live_server.url + "/admin/login/")
        page.fill("input[name=username]", "editor-e2e")
        page.fill("input[name=password]", "pw-e2e-1")
        page.click("button[type=submit]")
        page.wait_for_url("**/admin/")

    return login


def test_editor_sees_the_panel_on_a_right_in_english_spanish_and_russian(
    live_server, demo, page, editor_login
):
    drafts = {code: draft_in(demo, code) for code in ("en", "es", "ru")}
    for code, draft in drafts.items():
        make_hard(draft, code)
    editor_login()
    for code, draft in drafts.items():
        page.goto(f"{live_server.url}/admin/pages/{draft.pk}/edit/")
        panel = page.locator("[data-readability-panel]")
        expect(panel).to_be_visible()
        hard = panel.locator("li.readability-right").nth(3)
        expect(hard.locator("h3")).to_contain_text("4")
        expect(hard).to_contain_text(PASSIVE[code])
        hard.locator("summary").click()
        expect(hard.locator("table")).to_be_visible()

    # In the English editor the panel follows the unsaved text.
    page.goto(f"{live_server.url}/admin/pages/{drafts['en'].pk}/edit/")
    first = page.locator("[data-readability-panel] li.readability-right").first
    expect(first).not_to_contain_text("is decided; was chosen")
    page.locator("textarea[name='body-0-value-statement']").fill(
        "Your case is decided by the office that was chosen by the department."
    )
    expect(page.locator("[data-readability-panel]")).to_have_attribute(
        "data-readability-refreshed", "true"
    )
    expect(first).to_contain_text("is decided; was chosen")


@pytest.mark.parametrize("language", ["en", "ko"])
def test_report_lists_the_hard_right_first_and_passes_axe(
    live_server, demo, page, axe_check, editor_login, language
):
    russian = draft_in(demo, "ru")
    make_hard(russian, "ru")
    editor_login(language)
    page.goto(f"{live_server.url}/admin/plain-language/?language=ru")
    assert page.locator("html").get_attribute("lang") == language
    first = page.locator("table.readability-report tbody tr").first
    expect(first).to_contain_text("4")
    expect(first).to_contain_text("Заявления, представленные гражданами")
    assert axe_check(page) == {}
    page.goto(f"{live_server.url}/admin/plain-language/")
    expect(page.locator("table.readability-languages")).to_be_visible()
    assert axe_check(page) == {}
