"""Translations in the browser, in English, Korean and Amharic: a translator adds an English
translation of a Somali comment in the admin; an analyst finds it on the review screen and in
the report; the public comment page shows the original with the translation and its label;
every changed page passes axe."""

import pytest
from django.contrib.auth.models import Group, Permission
from django.utils import timezone
from wagtail.users.models import UserProfile

from analysis.models import AnalysisItem
from tests.analysis.outcome_fixtures import analyse_and_publish, make_comments
from tests.consultation.comment_helpers import RIGHT, draft
from tests.factories import CommentFactory

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True)]

SOMALI = "Khadka taleefanka waa in uu noqdaa mid bilaash ah oo furan habeenkii."
ENGLISH = "The phone line should be free and open at night."


@pytest.fixture
def analysed(demo, monkeypatch):
    monkeypatch.setattr(
        "analysis.inputs.SOURCES", ("tests.analysis.outcome_fixtures.published_comment_items",)
    )
    somali = CommentFactory(
        draft=draft(demo, "so", number=1), right_key=RIGHT, language="so", text=SOMALI,
        published_at=timezone.now(),
    )  # fmt: skip
    run, _pages, _keys = analyse_and_publish(demo, make_comments(demo))
    return {"comment": somali, "run": run}


@pytest.fixture
def login(page, live_server, django_user_model):
    def sign_in(username, group_name, language):
        user = django_user_model.objects.create_user(username, f"{username}@example.org", "pw-1")
        # A transactional test's flush drops the group permissions migrations gave.
        group = Group.objects.get_or_create(name=group_name)[0]
        group.permissions.add(
            Permission.objects.get(content_type__app_label="wagtailadmin", codename="access_admin")
        )
        user.groups.add(group)
        profile = UserProfile.get_for_user(user)
        profile.preferred_language = language
        profile.save()
        page.context.clear_cookies()
        page.goto(live_server.url + "/admin/login/")
        page.fill("input[name=username]", username)
        page.fill("input[name=password]", "pw-1")
        page.click("button[type=submit]")
        page.wait_for_url("**/admin/")

    return sign_in


@pytest.mark.parametrize("code", ["en", "ko", "am"])
def test_translator_analyst_and_resident_see_the_translation(
    live_server, demo, analysed, page, axe_check, login, code
):
    comment, run = analysed["comment"], analysed["run"]
    login(f"translator-{code}", "Translators", code)
    page.goto(f"{live_server.url}/admin/comment-translations/?language=so")
    assert axe_check(page) == {}, "translation list"
    page.locator(f"a[href$='/admin/comment-translations/{comment.pk}/']").click()
    assert page.locator("blockquote[lang=so]").inner_text().strip() == SOMALI
    page.select_option("select[name=language]", "en")
    page.fill("textarea[name=text]", ENGLISH)
    page.locator("main form[method=post] button[type=submit]").click()
    page.locator(".messages .success").wait_for()
    page.reload()  # the saved translation is listed; axe runs once the message is gone
    assert page.locator("td[lang=en]").inner_text().strip() == ENGLISH
    assert axe_check(page) == {}, "translation screen"

    login(f"analyst-{code}", "Analysts", "en")
    item = AnalysisItem.objects.get(run=run, object_id=comment.pk, field_key="")
    page.goto(f"{live_server.url}/admin/analysis/runs/{run.pk}/review/?item={item.pk}")
    assert page.locator(".review-text[lang=so]").count() == 1
    assert page.locator(".translation p[lang=en]").inner_text().strip() == ENGLISH
    assert "Translated by City staff" in page.locator(".translation-label").inner_text()
    assert axe_check(page) == {}, "review screen"
    page.goto(f"{live_server.url}/admin/analysis/runs/{run.pk}/report/")
    section = page.locator("section[aria-labelledby=report-translated]")
    assert section.locator("blockquote[lang=so]").inner_text().strip() == SOMALI
    assert section.locator(".translation p[lang=en]").inner_text().strip() == ENGLISH
    assert axe_check(page) == {}, "report"

    english = draft(demo, "en", number=1)
    page.goto(f"{live_server.url}/{code}/comments/{english.pk}/{RIGHT}/")
    shown = page.locator(".comment", has=page.locator(f"p[lang=so]:text-is('{SOMALI}')"))
    assert shown.locator(".translation p[lang=en]").inner_text().strip() == ENGLISH
    label = shown.locator(".translation-label")
    assert label.count() == 1 and label.locator("[lang=en]").count() == 1
    if code == "en":
        assert "Translated by City staff" in label.inner_text()
    assert page.locator("html").get_attribute("lang") == code
    assert axe_check(page) == {}, "public comments page"
