"""A theme the machine named in the comments' own language carries that language's `lang`
attribute on every staff screen that shows it, so a screen reader switches voice; a name an
analyst gave carries none (it is in the admin's language), and a codebook name is marked as the
site's default language."""

import re

import pytest
from django.urls import reverse

from analysis.models import Theme
from analysis.templatetags.analysis_tags import name_lang
from tests.analysis.report_fixtures import build_run

pytestmark = pytest.mark.django_db

KOREAN = "주차 공간이 부족합니다"
AMHARIC = "የመኪና ማቆሚያ"
SCREENS = ["analysis_runs:detail", "analysis_theme_review", "analysis_report"]
SCREENS += ["analysis_report_print", "analysis_item_review"]


def unmarked(html: str, text: str, language: str) -> list[str]:
    """Places where `text` shows without `lang` on the tag that holds it (a span, an option,
    or the input whose value it is). Left out: the page <title> (plain text, no markup) and the
    charts (each an SVG with role="img" and a title, so its drawn labels never reach a screen
    reader; the table beside it does)."""
    found = []
    html = re.sub(r'<svg class="chart".*?</svg>', "", html, flags=re.S)
    html = re.sub(r"<title>.*?</title>", "", html, flags=re.S)  # plain text, no markup
    for match in re.finditer(re.escape(text), html):
        start = html.rfind("<", 0, match.start())
        tag = html[start : html.find(">", start) + 1]
        if f'lang="{language}"' not in tag:
            found.append(tag)
    return found


@pytest.fixture
def run(demo):
    run = build_run(consultation=demo["consultation"], size=40)
    run.status = "succeeded"
    run.save(update_fields=["status"])
    Theme.objects.filter(run=run, key="emergent-parking").update(
        name=KOREAN, machine_name=KOREAN, language="ko"
    )
    Theme.objects.filter(run=run, key="emergent-parking-2").update(
        name=AMHARIC, machine_name=AMHARIC, language="am"
    )
    return run


@pytest.mark.parametrize("admin_language", ["en", "ko"])
def test_machine_made_theme_names_carry_their_language_on_every_screen(
    client, analyst_user, run, admin_language
):
    from wagtail.users.models import UserProfile

    profile = UserProfile.get_for_user(analyst_user)
    profile.preferred_language = admin_language
    profile.save()
    client.force_login(analyst_user)
    for name in SCREENS:
        html = client.get(reverse(name, args=[run.pk])).content.decode()
        assert f'<span lang="ko">{KOREAN}</span>' in html, name
        assert f'<span lang="am">{AMHARIC}</span>' in html, name
        assert '<span lang="en">One number to call</span>' in html, name
        assert unmarked(html, KOREAN, "ko") == [], name
    korean = Theme.objects.get(run=run, key="emergent-parking")
    html = client.get(reverse("analysis_theme_detail", args=[run.pk, korean.pk])).content.decode()
    assert re.search(f'<h1[^>]*>.*?<span lang="ko">{KOREAN}</span>', html, re.S)
    assert unmarked(html, KOREAN, "ko") == []


def test_a_name_an_analyst_gave_has_no_language_of_its_own(run):
    theme = Theme.objects.get(run=run, key="emergent-parking")
    theme.name = "Parking near the service centre"
    assert name_lang(theme) == ""
    assert name_lang({"name": KOREAN, "machine_name": KOREAN, "language": "ko"}) == "ko"
    assert name_lang({"name": "X", "machine_name": "X", "language": "und"}) == ""
