"""Abuse resistance: one form stores one comment however often it is sent, a burst from one
address is answered with 429 while another address still gets through, a honeypot hit stores
nothing, and copy-paste campaigns are grouped rather than dropped."""

import pytest
from django.test import Client

from consultation.models import Comment
from tests.factories import submit_comment

from .comment_helpers import draft, form_token, form_url, post_comment

pytestmark = pytest.mark.django_db


def test_double_submit_of_one_form_stores_one_comment_and_returns_the_same_receipt(client, demo):
    url = form_url(draft(demo))
    token = form_token(client, url)
    first = post_comment(client, url, token=token)
    second = post_comment(client, url, token=token)
    assert first.status_code == second.status_code == 302
    assert first["Location"] == second["Location"]
    assert Comment.objects.count() == 1


def test_a_new_form_stores_a_new_comment(client, demo):
    url = form_url(draft(demo))
    post_comment(client, url)
    post_comment(client, url)
    assert Comment.objects.count() == 2


def test_forged_token_is_refused_with_a_fresh_one_to_retry(client, demo):
    url = form_url(draft(demo))
    response = post_comment(client, url, token="made-up")
    assert response.status_code == 400
    html = response.content.decode()
    assert "This form has expired" in html
    assert 'value="made-up"' not in html
    assert Comment.objects.count() == 0


def test_burst_from_one_address_gets_429_while_another_address_succeeds(demo, settings):
    settings.RATE_LIMITS = {**settings.RATE_LIMITS, "comment": {"limit": 3, "window": 600}}
    url = form_url(draft(demo))
    burst = Client(REMOTE_ADDR="203.0.113.5")
    codes = [post_comment(burst, url).status_code for _ in range(5)]
    assert codes == [302, 302, 302, 429, 429]
    blocked = post_comment(burst, url)
    assert blocked.status_code == 429
    # Like the survey's 429, it says when to try again: the end of the current window.
    assert 0 < int(blocked["Retry-After"]) <= 600
    assert "Too many attempts" in blocked.content.decode()
    korean = post_comment(burst, form_url(draft(demo, "ko"), "ko"))
    assert korean.status_code == 429
    assert "너무 많" in korean.content.decode()
    other = Client(REMOTE_ADDR="198.51.100.7")
    assert post_comment(other, url).status_code == 302
    assert Comment.objects.count() == 4


def test_rate_limit_keys_never_contain_the_address(demo, settings):
    from django.core.cache import cache

    from participation.ratelimit import cache_key, pseudonym

    post_comment(Client(REMOTE_ADDR="203.0.113.77"), form_url(draft(demo)))
    hashed = pseudonym("203.0.113.77")
    assert "203.0.113.77" not in hashed
    assert cache.get(cache_key("comment", hashed, 600)) == 1
    assert cache.get(cache_key("comment", "203.0.113.77", 600)) is None
    stored = Comment.objects.get().client_hash
    assert stored == hashed


def test_honeypot_hit_stores_nothing(client, demo):
    response = post_comment(client, form_url(draft(demo)), website="http://spam.example")
    assert response.status_code == 400
    assert "Leave this field empty" in response.content.decode()
    assert Comment.objects.count() == 0


def _submit(demo, text, code="en"):
    return submit_comment(draft(demo, code), text=text, language=code).comment


CAMPAIGN = (
    "I support the Customer Bill of Rights because every resident deserves a quick answer "
    "from the City in their own language, and I ask the Council to adopt it this year."
)


def test_copy_paste_campaign_is_grouped_not_dropped(demo):
    first = _submit(demo, CAMPAIGN)
    exact = _submit(demo, CAMPAIGN.upper().replace(",", ""))
    near = _submit(demo, CAMPAIGN.replace("this year", "this year, please").replace("I ", "We "))
    other = _submit(demo, "The phone line closes too early on Saturdays.")
    for comment in (first, exact, near, other):
        comment.refresh_from_db()
    assert Comment.objects.count() == 4
    assert first.duplicate_group
    assert exact.duplicate_group == first.duplicate_group
    assert near.duplicate_group == first.duplicate_group
    assert other.duplicate_group == ""


def test_korean_campaign_is_grouped_too(demo):
    text = "권리장전을 지지합니다. 모든 주민은 자기 언어로 빠른 답변을 받을 권리가 있습니다."
    a = _submit(demo, text, "ko")
    b = _submit(demo, text + " 감사합니다.", "ko")
    a.refresh_from_db()
    assert a.duplicate_group and a.duplicate_group == b.duplicate_group
