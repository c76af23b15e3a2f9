"""The shared page cache serves anonymous residents the same bytes without re-rendering, and
never serves anything personal or stale after a publish."""

import pytest
from django.test import override_settings

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("demo")]

DRAFT = "/ko/customer-bill-of-rights/draft-2/"


@pytest.fixture(autouse=True)
def page_cache(settings):
    from config.pagecache import local_copies

    settings.PAGE_CACHE_SECONDS = 60
    local_copies.clear()
    yield
    local_copies.clear()


def test_second_anonymous_read_comes_from_the_cache(client, django_assert_num_queries):
    first = client.get(DRAFT)
    assert first["X-Page-Cache"] == "miss"
    with django_assert_num_queries(0):
        second = client.get(DRAFT)
    assert second["X-Page-Cache"] == "hit"
    assert second.content == first.content
    assert second["Content-Security-Policy"] == first["Content-Security-Policy"]
    assert second["X-Request-ID"] != first["X-Request-ID"]


def test_another_server_reads_the_page_from_the_shared_cache(client):
    from config.pagecache import local_copies

    client.get(DRAFT)
    local_copies.clear()
    assert client.get(DRAFT)["X-Page-Cache"] == "hit"


def test_each_language_and_query_is_cached_apart(client):
    client.get(DRAFT)
    assert client.get("/es/customer-bill-of-rights/draft-2/")["X-Page-Cache"] == "miss"
    assert client.get(DRAFT + "compare/?from=1")["X-Page-Cache"] == "miss"


def test_a_resident_with_a_session_is_never_served_from_the_cache(client, admin_user):
    client.get(DRAFT)
    client.force_login(admin_user)
    response = client.get(DRAFT)
    assert "X-Page-Cache" not in response or response["X-Page-Cache"] == "miss"


def test_publishing_a_page_drops_the_cached_copies(client, django_capture_on_commit_callbacks):
    from consultation.models import BillOfRightsDraftPage

    client.get(DRAFT)
    assert client.get(DRAFT)["X-Page-Cache"] == "hit"
    draft = BillOfRightsDraftPage.objects.get(
        url_path__endswith="/draft-2/", locale__language_code="ko"
    )
    with django_capture_on_commit_callbacks(execute=True):
        draft.save_revision().publish()
    assert client.get(DRAFT)["X-Page-Cache"] == "miss"


def test_error_pages_are_not_cached(client):
    client.get("/ko/no-such-page/")
    assert "X-Page-Cache" not in client.get("/ko/no-such-page/")


@override_settings(PAGE_CACHE_SECONDS=0)
def test_the_cache_can_be_turned_off(client):
    client.get(DRAFT)
    assert "X-Page-Cache" not in client.get(DRAFT)
