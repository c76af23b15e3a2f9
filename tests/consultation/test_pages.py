"""Residents read the draft in their own language, at their own URL prefix."""

import re

import pytest
from django.utils.html import escape

from config.languages import LANGUAGE_CODES
from consultation.demo import load_content, right_block_id

pytestmark = pytest.mark.django_db


def _lang_attr(html: str) -> str:
    return re.search(r'<html lang="([^"]+)"', html).group(1)


@pytest.mark.parametrize("code", LANGUAGE_CODES)
def test_every_language_serves_its_own_home_page_without_falling_back(client, demo, code):
    response = client.get(f"/{code}/")
    assert response.status_code == 200, response.get("Location")
    html = response.content.decode()
    assert _lang_attr(html) == code
    assert escape(load_content(code)["home"]["title"]) in html


@pytest.mark.parametrize("code", LANGUAGE_CODES)
def test_draft_page_shows_translated_rights_and_interface(client, demo, code):
    content = load_content(code)
    response = client.get(f"/{code}/customer-bill-of-rights/draft-1/")
    assert response.status_code == 200
    html = response.content.decode()
    assert _lang_attr(html) == code
    for right in content["rights"].values():
        assert escape(right["title"]) in html
    assert 'href="#main"' in html


def test_root_redirects_to_a_language_prefix(client, demo):
    response = client.get("/")
    assert response.status_code == 302
    assert response["Location"] == "/en/"


def test_browser_language_picks_the_prefix(client, demo):
    response = client.get("/", HTTP_ACCEPT_LANGUAGE="so")
    assert response["Location"] == "/so/"


def test_language_switcher_links_to_the_same_page_in_each_language(client, demo):
    html = client.get("/en/customer-bill-of-rights/draft-2/").content.decode()
    for code in LANGUAGE_CODES:
        if code != "en":
            assert f'href="/{code}/customer-bill-of-rights/draft-2/"' in html


def test_switcher_says_when_a_page_is_not_available_in_a_language(client, demo):
    draft2_am = demo["drafts"][1].get_translation(
        demo["drafts"][1].get_translations().get(locale__language_code="am").locale
    )
    draft2_am.unpublish()
    html = client.get("/en/customer-bill-of-rights/draft-2/").content.decode()
    assert 'href="/am/customer-bill-of-rights/draft-2/"' not in html
    assert 'class="unavailable" lang="am"' in html


def test_consultation_page_shows_state_and_versions(client, demo):
    html = client.get("/ko/customer-bill-of-rights/").content.decode()
    ko = load_content("ko")
    assert escape(ko["draft1"]["title"]) in html and escape(ko["draft2"]["title"]) in html
    assert "state-open" in html


def test_every_version_stays_readable(client, demo):
    for number in (1, 2):
        response = client.get(f"/es/customer-bill-of-rights/draft-{number}/")
        assert response.status_code == 200


def test_comparison_page_shows_added_changed_and_removed_rights_in_korean(client, demo):
    from consultation.demo import load_structure

    structure = load_structure()
    old_keys = {item["key"] for item in structure["draft1"]}
    new_keys = {item["key"] for item in structure["draft2"]}
    ko = load_content("ko")
    response = client.get("/ko/customer-bill-of-rights/draft-2/compare/?from=1")
    assert response.status_code == 200
    html = response.content.decode()
    assert _lang_attr(html) == "ko"
    for key in new_keys - old_keys:
        assert f'class="change change-added" id="change-{right_block_id(key)}"' in html
        assert escape(ko["rights_draft2"][key]["title"]) in html
    for key in old_keys - new_keys:
        assert f'class="change change-removed" id="change-{right_block_id(key)}"' in html
    for key in set(ko["rights_draft2"]) & old_keys:
        assert f'class="change change-changed" id="change-{right_block_id(key)}"' in html
    assert "<ins>" in html and "<del>" in html


def test_comparison_without_an_earlier_version_goes_back_to_the_draft(client, demo):
    response = client.get("/en/customer-bill-of-rights/draft-1/compare/")
    assert response.status_code == 302
    assert response["Location"] == "/en/customer-bill-of-rights/draft-1/"


def test_seed_demo_is_idempotent(demo):
    from wagtail.models import Page

    from consultation.demo import seed_demo

    count = Page.objects.count()
    again = seed_demo()
    assert Page.objects.count() == count
    assert again["translations"] == 0
    for page in (demo["home"], demo["consultation"], *demo["drafts"]):
        assert page.get_translations(inclusive=True).live().count() == len(LANGUAGE_CODES)
