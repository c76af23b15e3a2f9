"""How many queries the busiest screens cost with the page cache off (as in these settings):
a resident's draft page, comment form, comment POST and status page, and a moderator's
queue. The maxima are the counts after issue 14's work; a change that adds a query per right,
per comment or per row of the queue fails here before it meets a campaign's worth of
readers. Each screen is measured with 30-60 comments so that a query per comment shows."""

import pytest
from django.core.cache import cache

from consultation.models import Comment, CommentStatus
from consultation.selectors import summaries_cache_key
from consultation.services import comment_approve
from tests.factories import submit_comment

from .comment_helpers import OTHER_RIGHT, RIGHT, draft, form_token, form_url, post_comment

pytestmark = pytest.mark.django_db


def _comments(page, count: int, *, status: str = CommentStatus.PUBLISHED) -> None:
    for n in range(count):
        submit_comment(
            page,
            right_key=RIGHT if n % 2 else OTHER_RIGHT,
            text=f"Comment number {n}: the phone line should answer within a day.",
        )
    Comment.objects.filter(draft=page).update(status=status)


def test_draft_page_queries_do_not_grow_with_comments(client, demo, django_assert_max_num_queries):
    page = draft(demo, "ko")
    _comments(page, 30)
    client.get(page.url)  # Wagtail's site root paths are cached after the first request
    cache.delete(summaries_cache_key(page.translation_key))
    # Routing (site, locale, home page, one query each for the consultation and the draft),
    # the draft's ancestors' aliases and view restrictions, its versions, the language
    # switcher, the comment summaries (two queries), and the translations shown beside the
    # latest comments with the consultation's AI switch (two, on every read).
    with django_assert_max_num_queries(15):
        assert client.get(page.url).status_code == 200
    with django_assert_max_num_queries(13):  # the summaries now come from the cache
        assert client.get(page.url).status_code == 200


def test_cached_summaries_follow_moderation(client, demo, moderator_user):
    page = draft(demo, "en")
    comment = submit_comment(page, right_key=RIGHT, text="Please keep the counter open.").comment
    assert "Please keep the counter open." not in client.get(page.url).content.decode()
    comment_approve(comment=comment, user=moderator_user)
    assert "Please keep the counter open." in client.get(page.url).content.decode()


def test_comment_form_queries(client, demo, django_assert_max_num_queries):
    page = draft(demo, "ko")
    _comments(page, 30)
    url = form_url(page, "ko")
    client.get(url)
    with django_assert_max_num_queries(5):
        assert client.get(url).status_code == 200


def test_comment_post_keeps_its_transaction_short(
    client, demo, django_assert_max_num_queries, django_capture_on_commit_callbacks
):
    page = draft(demo, "ko")
    _comments(page, 30)
    url = form_url(page, "ko")
    token = form_token(client, url)
    # The draft, its consultation, the token check, the pre-moderation setting; then the
    # row and its first decision inside one savepoint. Grouping waits for the commit.
    with (
        django_capture_on_commit_callbacks(execute=False) as queued,
        django_assert_max_num_queries(9),
    ):
        assert post_comment(client, url, token=token).status_code == 302
    assert queued  # grouping, listeners: after the commit, not in the request's transaction


def test_status_page_queries(client, demo, django_assert_max_num_queries):
    page = draft(demo, "ko")
    _comments(page, 30)
    reference = Comment.objects.filter(draft=page).first().reference
    url = f"/ko/status/?code={reference}"
    client.get(url)
    with django_assert_max_num_queries(9):
        assert client.get(url).status_code == 200


def test_moderation_queue_queries_do_not_grow_with_rows(
    client, demo, moderator_user, django_assert_max_num_queries
):
    page = draft(demo, "en")
    _comments(page, 60, status=CommentStatus.AWAITING_MODERATION)
    Comment.objects.filter(pk__in=Comment.objects.order_by("pk").values("pk")[:20]).update(
        duplicate_group="campaign"
    )
    client.force_login(moderator_user)
    client.get("/admin/comments/")
    # Session and permissions (5), count and page of 50 rows, duplicate group sizes, the
    # filter choices and Wagtail's admin menu checks.
    with django_assert_max_num_queries(15):
        response = client.get("/admin/comments/")
    assert response.status_code == 200
    html = response.content.decode()
    references = Comment.objects.values_list("reference", flat=True)
    assert sum(reference in html for reference in references) == 50  # a full page of rows
