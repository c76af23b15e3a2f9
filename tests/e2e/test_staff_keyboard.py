"""Staff screens with the keyboard alone or a screen reader: Enter in the moderation queue never
publishes without a confirmation step, and after the bulk action focus is on the announced
result; in review, "Save and next" puts focus on the next comment's heading, and the 1-9 theme
keys act only inside the review form and can be switched off, which the browser remembers; a
running analysis reports its progress in a status region instead of reloading the page."""

import pytest
from django.utils import timezone
from playwright.sync_api import expect

from analysis.models import AnalysisRun, ItemReview
from consultation.models import Comment
from tests.analysis.outcome_fixtures import analyse_and_publish, make_comments
from tests.factories import CommentFactory, user_in_role

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True)]

PASSWORD = "pw-keys-e2e"


def login(page, live_server):
    user = user_in_role("admin", "keys-e2e")
    user.set_password(PASSWORD)
    user.save()
    page.goto(live_server.url + "/admin/login/")
    page.fill("input[name=username]", user.username)
    page.fill("input[name=password]", PASSWORD)
    page.keyboard.press("Enter")
    page.wait_for_url("**/admin/")


def focused(page) -> dict:
    return page.evaluate(
        """() => { const el = document.activeElement;
                   return {tag: el.tagName, id: el.id, text: el.innerText || "",
                           inMessages: !!el.closest('.messages')}; }"""
    )


def test_enter_in_the_queue_needs_confirmation_and_focus_lands_on_the_result(
    live_server, demo, page
):
    comments = [CommentFactory(status="awaiting_moderation") for _ in range(2)]
    login(page, live_server)
    page.goto(live_server.url + "/admin/comments/")
    box = page.locator(f"input.bulk-action-checkbox[data-object-id='{comments[0].pk}']")
    box.focus()
    page.keyboard.press("Space")
    assert box.is_checked()
    page.keyboard.press("Enter")
    page.wait_for_timeout(500)
    assert page.url.endswith("/admin/comments/")
    assert set(Comment.objects.values_list("status", flat=True)) == {"awaiting_moderation"}

    publish = page.get_by_role("link", name="Publish the selected comments", exact=True)
    publish.focus()
    page.keyboard.press("Enter")
    page.wait_for_url("**/admin/bulk/consultation/comment/publish/**")
    assert "Publish these comments?" in page.content()
    # Enter in the note writes a new line; it does not apply the action.
    page.locator("textarea[name=note]").focus()
    page.keyboard.press("Enter")
    page.wait_for_timeout(300)
    assert "/admin/bulk/" in page.url
    assert set(Comment.objects.values_list("status", flat=True)) == {"awaiting_moderation"}

    page.get_by_role("button", name="Yes, apply").focus()
    page.keyboard.press("Enter")
    page.wait_for_url("**/admin/comments/**")
    page.wait_for_function("document.activeElement.closest('.messages') !== null")
    assert "Published 1 comment." in focused(page)["text"]
    assert Comment.objects.get(pk=comments[0].pk).status == "published"
    assert Comment.objects.get(pk=comments[1].pk).status == "awaiting_moderation"


@pytest.fixture
def run(demo, monkeypatch):
    monkeypatch.setattr(
        "analysis.inputs.SOURCES", ("tests.analysis.outcome_fixtures.published_comment_items",)
    )
    # Nothing reviewed yet: the review screen has comments to show.
    run, _pages, _keys = analyse_and_publish(demo, make_comments(demo), publish=False, review=False)
    return run


def test_review_moves_focus_to_the_next_comment_and_its_keys_can_be_switched_off(
    live_server, run, page
):
    login(page, live_server)
    url = f"{live_server.url}/admin/analysis/runs/{run.pk}/review/"
    page.goto(url)
    first = page.locator("#item-heading").inner_text()
    box = page.locator("#review-form input[data-key='1']")
    before = box.is_checked()

    # The keys do nothing outside the form ...
    page.locator("#review-language").focus()
    page.keyboard.press("1")
    assert box.is_checked() == before
    # ... and tick the first theme inside it.
    page.locator("#review-form input[type=checkbox]").last.focus()
    page.keyboard.press("1")
    assert box.is_checked() != before

    page.get_by_role("button", name="Save and next").focus()
    page.keyboard.press("Enter")
    page.wait_for_function(
        f"(h => h && h.innerText !== {first!r})(document.querySelector('#item-heading'))"
    )
    now = focused(page)
    assert now["id"] == "item-heading" and now["text"] != first
    assert page.locator(".messages").inner_text().strip().startswith("Saved")

    # Switched off, the keys are plain keys again; the choice survives the next page.
    switch = page.get_by_label("Use the number keys to tick themes")
    assert switch.is_checked()
    switch.focus()
    page.keyboard.press("Space")
    assert not switch.is_checked()
    page.goto(url)
    assert not page.get_by_label("Use the number keys to tick themes").is_checked()
    box = page.locator("#review-form input[data-key='1']")
    before = box.is_checked()
    page.locator("#review-form input[type=checkbox]").last.focus()
    page.keyboard.press("1")
    assert box.is_checked() == before
    assert page.locator("#review-form kbd").first.is_hidden()
    assert ItemReview.objects.filter(run=run).count() == 1


def test_run_progress_updates_in_a_status_region_without_reloading_the_page(
    live_server, demo, page
):
    run = AnalysisRun.objects.create(
        consultation=demo["consultation"],
        status=AnalysisRun.Status.RUNNING,
        progress_stage="themes",
        progress_done=2,
        progress_total=10,
    )
    login(page, live_server)
    page.goto(f"{live_server.url}/admin/analysis/runs/{run.pk}/")
    assert page.locator("meta[http-equiv=refresh]").count() == 0
    status = page.get_by_role("status").filter(has_text="Running")
    assert "themes" in status.inner_text()
    # The way without JavaScript: a plain link to the same page.
    assert page.get_by_role("link", name="Refresh the progress").count() == 1
    page.evaluate("window.sameDocument = true")

    AnalysisRun.objects.filter(pk=run.pk).update(
        status=AnalysisRun.Status.SUCCEEDED, progress_done=10, finished_at=timezone.now()
    )
    expect(page.locator("[data-run-part=status]")).to_contain_text("Finished", timeout=15000)
    assert page.evaluate("window.sameDocument") is True
    assert page.locator("[data-run-part=status]").get_attribute("role") == "status"
    expect(page.get_by_role("link", name="Show the results")).to_be_visible()
