"""Residents vote on statements in a real browser, in Korean, Somali and Amharic, one at a
time and without an account; a vote can be changed; the results show the language
communities. axe finds nothing on the voting page, the proposal form (also with errors) and
the results page, in English, Korean and Amharic."""

import pytest

from consultation.models import Participant, StatementVote
from tests.consultation.statement_helpers import TEXTS, consultation, make_statements

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True)]

AGREE = {"ko": "찬성", "so": "Waan ku raacsanahay", "am": "እስማማለሁ", "en": "Agree"}
DISAGREE = {"ko": "반대", "so": "Kuma raacsani", "am": "አልስማማም", "en": "Disagree"}


@pytest.fixture
def statements(demo):
    return make_statements(demo)


def _vote_url(live_server, demo, code):
    return f"{live_server.url}/{code}/statements/{consultation(demo, code).pk}/"


def test_residents_vote_in_korean_somali_and_amharic(live_server, demo, statements, browser):
    for code in ("ko", "so", "am"):
        context = browser.new_context(viewport={"width": 412, "height": 915})
        page = context.new_page()
        page.goto(f"{live_server.url}/{code}/customer-bill-of-rights/")
        page.locator("a.button[href*='/statements/']").click()
        assert page.locator("html").get_attribute("lang") == code
        assert TEXTS[code] in page.locator("legend").inner_text()
        page.get_by_role("button", name=AGREE[code], exact=True).click()
        page.get_by_role("button", name=DISAGREE[code], exact=True).click()
        page.get_by_role("button", name=AGREE[code], exact=True).click()
        assert page.locator(".my-votes li").count() == 3
        # Change the first vote from the list of one's own votes.
        page.locator(".my-votes a").first.click()
        page.get_by_role("button", name=DISAGREE[code], exact=True).click()
        context.close()
    assert Participant.objects.count() == 3
    assert StatementVote.objects.count() == 9
    first = statements[0].translation_key
    assert set(
        StatementVote.objects.filter(statement_key=first).values_list("language", "value")
    ) == {("ko", -1), ("so", -1), ("am", -1)}


def test_voting_works_without_javascript(live_server, demo, statements, browser):
    context = browser.new_context(java_script_enabled=False)
    page = context.new_page()
    page.goto(_vote_url(live_server, demo, "am"))
    page.get_by_role("button", name=AGREE["am"], exact=True).click()
    assert StatementVote.objects.get().language == "am"
    context.close()


@pytest.mark.parametrize("code", ["en", "ko", "am"])
def test_new_statement_pages_pass_axe(live_server, demo, statements, page, axe_check, code):
    url = _vote_url(live_server, demo, code)
    page.goto(url)
    assert axe_check(page) == {}
    page.get_by_role("button", name=AGREE[code], exact=True).click()  # saved message, my votes
    assert axe_check(page) == {}
    page.goto(f"{url}propose/")
    assert axe_check(page) == {}
    page.locator("form.comment-form button[type=submit]").click()  # empty: the error state
    assert page.locator(".error-summary").count() == 1
    assert axe_check(page) == {}
    page.goto(f"{url}results/")
    assert page.locator("svg[role=img]").count() == 1
    assert page.locator("table").count() >= 2
    assert axe_check(page) == {}
