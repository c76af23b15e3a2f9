"""Residents answer a survey an editor built and translated in the admin, in Korean (with the
script) and in Spanish (without it); every step passes axe in English, Korean and Amharic,
including the error state and the scale, ranking and matrix questions."""

from urllib.parse import urlparse

import pytest
from playwright.sync_api import expect

from participation.references import normalise_reference
from survey.models import SurveyResponse
from tests.survey.admin_build import ES, KO, build_in_admin, translate_in_admin
from tests.survey.conftest import build_survey, translate

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True)]


class _NoCapture:
    """Outside a test transaction on_commit callbacks run at once; nothing to capture."""

    def __call__(self, execute=True):
        return self

    def __enter__(self):
        return self

    def __exit__(self, *exc):
        return False


def _path(page_model) -> str:
    return urlparse(page_model.get_url()).path


@pytest.fixture
def built(client, demo, admin_user):
    # A flush between browser tests empties the groups' page permissions that migrations
    # created, so the editor here is a superuser; tests/survey covers the Editors group.
    client.force_login(admin_user)
    page = build_in_admin(client, demo["consultation"])
    korean = translate_in_admin(client, page, "ko", KO, _NoCapture())
    spanish = translate_in_admin(client, page, "es", ES, _NoCapture())
    return {"en": page, "ko": korean, "es": spanish}


def test_korean_resident_completes_the_survey_with_conditional_question(live_server, built, page):
    page.goto(live_server.url + _path(built["ko"]))
    assert page.locator("html").get_attribute("lang") == "ko"
    wait = page.locator("#question-how_long_did_you_wait")
    expect(wait).to_be_hidden()
    page.get_by_label("예", exact=True).check()
    expect(wait).to_be_visible()
    page.get_by_label("아니요").check()
    expect(wait).to_be_hidden()
    page.get_by_label("예", exact=True).check()
    page.get_by_label("얼마나 기다렸습니까?").fill("10분")
    page.get_by_label("전화").check()
    page.get_by_label("어느 지역입니까?").select_option(label="북부")
    page.locator("#q-how_satisfied_are_you-7").check()
    page.locator("button[value=next]").click()
    assert "?step=2" in page.url
    page.locator("input[name=one_phone_number_for_everything_would_help][value='5']").check()
    page.get_by_label("속도").select_option("2")
    page.get_by_label("공정성").select_option("1")
    page.get_by_label("명확성").select_option("3")
    page.locator("#q-how_far_do_you_agree-staff_are_polite-4").check()
    page.locator("#q-how_far_do_you_agree-answers_are_clear-5").check()
    page.get_by_label("권리장전에 무엇이 들어가야 합니까?", exact=False).fill("빠른 답변과 통역")
    page.locator("button[value=submit]").click()
    receipt = page.locator(".receipt-code").inner_text()
    saved = SurveyResponse.objects.get(receipt_code=normalise_reference(receipt))
    assert saved.locale.language_code == "ko" and saved.page_id == built["en"].pk
    assert saved.form_data["how_long_did_you_wait"] == "10분"
    assert saved.form_data["rank_these_priorities"] == ["fairness", "speed", "clarity"]
    assert saved.form_data["what_should_the_bill_of_rights_include"] == "빠른 답변과 통역"


def test_spanish_resident_completes_the_survey_without_javascript(live_server, built, browser):
    context = browser.new_context(java_script_enabled=False, viewport={"width": 412, "height": 915})
    page = context.new_page()
    try:
        page.goto(live_server.url + _path(built["es"]))
        wait = page.locator("#question-how_long_did_you_wait")
        expect(wait).to_be_visible()
        expect(wait.locator(".condition-note")).to_contain_text("“Sí”")
        page.get_by_label("No", exact=True).check()
        page.get_by_label("¿Cuánto tiempo esperó?").fill("forjado")
        page.get_by_label("Correo electrónico").check()
        page.get_by_label("¿Qué distrito?").select_option(label="Sur")
        page.locator("#q-how_satisfied_are_you-9").check()
        page.locator("button[value=next]").click()
        page.locator("input[name=one_phone_number_for_everything_would_help][value='4']").check()
        page.get_by_label("Rapidez").select_option("1")
        page.get_by_label("Equidad").select_option("2")
        page.get_by_label("Claridad").select_option("3")
        page.locator("#q-how_far_do_you_agree-staff_are_polite-3").check()
        page.locator("#q-how_far_do_you_agree-answers_are_clear-3").check()
        page.get_by_label("¿Qué debería incluir la Carta de Derechos?").fill("Atención en español")
        page.locator("button[value=back]").click()
        expect(page.get_by_label("No", exact=True)).to_be_checked()
        page.locator("button[value=next]").click()
        expect(page.get_by_label("Rapidez")).to_have_value("1")
        page.locator("button[value=submit]").click()
        receipt = page.locator(".receipt-code").inner_text()
    finally:
        context.close()
    saved = SurveyResponse.objects.get(receipt_code=normalise_reference(receipt))
    assert saved.locale.language_code == "es"
    assert "how_long_did_you_wait" not in saved.form_data  # hidden by "No": discarded
    assert saved.form_data["what_should_the_bill_of_rights_include"] == "Atención en español"


@pytest.mark.parametrize("code", ["en", "ko", "am"])
def test_survey_steps_have_no_axe_violations(live_server, demo, page, axe_check, code):
    survey = build_survey(demo["consultation"])
    if code != "en":
        survey = translate(survey, code)
    url = live_server.url + _path(survey)
    page.goto(url)
    assert page.locator("html").get_attribute("lang") == code
    assert axe_check(page) == {}, "step 1"
    page.locator("button[value=next]").click()  # nothing answered: error state
    expect(page.locator("#error-summary")).to_be_visible()
    assert axe_check(page) == {}, "step 1 with errors"
    page.locator("input[name=called][value=yes]").check()
    page.locator("#q-wait").fill("5")
    page.locator("input[name=channels][value=phone]").check()
    page.locator("#q-satisfaction-2").check()
    page.locator("button[value=next]").click()
    expect(page.locator("#question-statements")).to_be_visible()  # Likert, ranking, matrix
    assert axe_check(page) == {}, "step 2"
    page.locator("button[value=next]").click()
    expect(page.locator("#error-summary")).to_be_visible()
    assert axe_check(page) == {}, "step 2 with errors"
    page.goto(url + "print/")
    assert axe_check(page) == {}, "paper version"


def test_demo_survey_and_thank_you_page_have_no_axe_violations(live_server, demo, page, axe_check):
    from survey.demo_data import seed_demo_data

    seed_demo_data()
    page.goto(live_server.url + "/am/customer-bill-of-rights/survey/")
    assert axe_check(page) == {}
    page.locator("textarea").first.fill("ፈጣን መልስ")
    page.locator("button[value=next]").click()
    page.locator("input[name=single_number][value='4']").check()
    page.locator("#q-satisfaction-8").check()
    page.locator("button[value=next]").click()
    page.locator("button[value=submit]").click()
    expect(page.locator(".receipt-code")).to_be_visible()
    assert axe_check(page) == {}
