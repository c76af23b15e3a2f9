"""Kiosks: staff issue a link for a library PC or a meeting tablet; the device that opened it
sends more comments than one address may, each marked as sent from the kiosk, until the kiosk
expires or is revoked; forged links and cookies do nothing."""

import re
from datetime import timedelta

import pytest
from django.test import Client
from django.utils import timezone

from consultation.kiosks.access import COOKIE, kiosk_link
from consultation.kiosks.services import MAX_DAYS, kiosk_issue, kiosk_revoke
from consultation.models import Comment, Kiosk

from .comment_helpers import draft, form_url, post_comment

pytestmark = pytest.mark.django_db
ADDRESS = "203.0.113.20"


@pytest.fixture
def limited(settings):
    settings.RATE_LIMITS = {**settings.RATE_LIMITS, "comment": {"limit": 2, "window": 600}}


def kiosk(**fields) -> Kiosk:
    fields.setdefault("expires_at", timezone.now() + timedelta(hours=8))
    return kiosk_issue(name=fields.pop("name", "Central Library, PC 3"), user=None, **fields)


def device(active: Kiosk | None = None) -> Client:
    client = Client(REMOTE_ADDR=ADDRESS)
    if active is not None:
        path = kiosk_link(active).split("://", 1)[1].split("/", 1)[1]
        response = client.get("/" + path)
        assert response.status_code == 200
        assert COOKIE in response.cookies
    return client


def burst(client, demo, times: int) -> list[int]:
    url = form_url(draft(demo))
    return [post_comment(client, url).status_code for _ in range(times)]


def test_a_kiosk_device_sends_past_the_address_limit_and_names_the_kiosk(demo, limited):
    station = kiosk()
    assert burst(device(station), demo, 5) == [302] * 5
    assert Comment.objects.filter(kiosk=station).count() == 5
    # Another device behind the same address is still under the shared limit.
    assert burst(device(), demo, 3) == [302, 302, 429]
    assert Comment.objects.filter(kiosk__isnull=True).count() == 2


def test_the_kiosk_page_says_what_the_device_now_is(demo):
    station = kiosk(name="Rainier Community Center tablet")
    client = Client()
    path = "/" + kiosk_link(station).split("://", 1)[1].split("/", 1)[1]
    response = client.get(path.replace("/en/", "/ko/", 1))
    html = response.content.decode()
    assert "Rainier Community Center tablet" in html
    assert response["Cache-Control"] == "no-store"
    assert 'lang="ko"' in html


def test_a_revoked_kiosk_does_nothing_at_once(demo, limited):
    station = kiosk()
    client = device(station)
    kiosk_revoke(kiosk=station, user=None)
    assert burst(client, demo, 3) == [302, 302, 429]
    assert not Comment.objects.filter(kiosk=station).exists()
    assert Client().get(_path(station)).status_code == 404


def test_an_expired_kiosk_does_nothing(demo, limited):
    station = kiosk()
    client = device(station)
    Kiosk.objects.filter(pk=station.pk).update(expires_at=timezone.now() - timedelta(minutes=1))
    assert burst(client, demo, 3) == [302, 302, 429]
    response = Client().get(_path(station))
    assert response.status_code == 404 and COOKIE not in response.cookies
    assert "does not work" in response.content.decode()


def test_forged_links_and_cookies_do_nothing(demo, limited):
    station = kiosk()
    assert Client().get(f"/en/kiosk/{station.pk}/").status_code == 404
    client = Client(REMOTE_ADDR=ADDRESS)
    client.cookies[COOKIE] = str(station.pk)
    assert burst(client, demo, 3) == [302, 302, 429]


def test_a_kiosk_has_its_own_limit_with_retry_after(demo, settings):
    settings.RATE_LIMITS = {**settings.RATE_LIMITS, "kiosk-comment": {"limit": 2, "window": 600}}
    client = device(kiosk())
    url = form_url(draft(demo))
    assert [post_comment(client, url).status_code for _ in range(2)] == [302, 302]
    refused = post_comment(client, url)
    assert refused.status_code == 429 and int(refused["Retry-After"]) > 0


def test_a_kiosk_works_for_at_most_a_month():
    station = kiosk(expires_at=timezone.now() + timedelta(days=400))
    assert station.expires_at <= timezone.now() + timedelta(days=MAX_DAYS)


def _path(station: Kiosk) -> str:
    return "/" + kiosk_link(station).split("://", 1)[1].split("/", 1)[1]


def test_staff_issue_see_and_revoke_kiosks_in_the_admin(client, moderator_user):
    client.force_login(moderator_user)
    until = (timezone.localtime() + timedelta(hours=4)).strftime("%Y-%m-%d %H:%M")
    response = client.post("/admin/kiosks/new/", {"name": "Library PC", "expires_at": until})
    assert response.status_code == 302
    station = Kiosk.objects.get()
    assert station.issued_by == moderator_user and station.is_active()
    listing = client.get("/admin/kiosks/").content.decode()
    token = re.search(r"/kiosk/([^/\"<]+)/", listing).group(1)
    assert Client().get(f"/en/kiosk/{token}/").status_code == 200
    assert client.post(f"/admin/kiosks/revoke/{station.pk}/").status_code == 302
    station.refresh_from_db()
    assert station.revoked_by == moderator_user and not station.is_active()
    assert Client().get(f"/en/kiosk/{token}/").status_code == 404


def test_a_kiosk_cannot_end_in_the_past(client, editor_user):
    client.force_login(editor_user)
    past = (timezone.localtime() - timedelta(hours=1)).strftime("%Y-%m-%d %H:%M")
    response = client.post("/admin/kiosks/new/", {"name": "Tablet", "expires_at": past})
    assert response.status_code == 200 and not Kiosk.objects.exists()


def test_the_moderation_screen_names_the_kiosk(client, demo, moderator_user):
    station = kiosk(name="Beacon Hill Library")
    post_comment(device(station), form_url(draft(demo)))
    client.force_login(moderator_user)
    comment = Comment.objects.get()
    assert "Beacon Hill Library" in client.get(f"/admin/comments/{comment.pk}/").content.decode()
