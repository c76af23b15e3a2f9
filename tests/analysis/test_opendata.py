"""The open data API and downloads: what they hold (published comments only, names instead of
codes, approved themes only), that filters and paging select the right rows, that no personal
data leaves in any format, the rate limit, the licence, and the OpenAPI description."""

import csv
import io
import json

import pytest
from django.test import Client
from openapi_spec_validator import validate

from tests.consultation.comment_helpers import OTHER_RIGHT, RIGHT, draft
from tests.factories import user_in_role

from .opendata_fixtures import open_data_world, published

pytestmark = pytest.mark.django_db
API = "/api/open-data/v1/"
PERSONAL = ("Jane", "Roe", "jane.roe@example.org", "206-555-0143", "Rainier Valley")


@pytest.fixture
def world(demo):
    return open_data_world(demo)


def get_json(client, path, **params):
    response = client.get(API + path, params)
    assert response.status_code == 200, response.content
    return response.json()


def ids(data) -> set[int]:
    return {row["id"] for row in data["results"]}


def test_comments_hold_only_published_comments_with_names_not_codes(client, world):
    data = get_json(client, "comments/")
    expected = {world[k].pk for k in ("personal", "korean", "amharic", "other_right", "whole")}
    assert ids(data) == expected
    assert data["count"] == 5
    row = next(r for r in data["results"] if r["id"] == world["korean"].pk)
    assert row["language"] == "ko" and row["stance"] == "agree"
    assert row["channel"] == "web" and row["channel_name"] == "Website"
    assert row["right_key"] == RIGHT and row["right"].startswith("1. ")
    assert row["draft_version"] == 2
    assert row["themes"] == [{"key": "waiting-times", "label": "Waiting times"}]
    assert row["text"] == "전화 대기 시간이 너무 깁니다."
    amharic = next(r for r in data["results"] if r["id"] == world["amharic"].pk)
    assert amharic["themes"] == []  # its only theme was never approved


def test_names_follow_the_language_asked_for(client, world):
    data = get_json(client, "comments/", lang="ko", language="ko")
    row = data["results"][0]
    korean_right = next(b for b in world["korean"].draft.rights() if b.id == RIGHT)
    assert row["right"].split(". ", 1)[1] == korean_right.value["title"]
    assert row["channel_name"] == "웹사이트"


def test_personal_data_appears_only_redacted_in_every_format(client, world):
    row = next(
        r for r in get_json(client, "comments/")["results"] if r["id"] == world["personal"].pk
    )
    assert "[name]" in row["text"] and "[email]" in row["text"] and "[phone]" in row["text"]
    assert "the phone line kept me waiting" in row["text"]
    assert row["district"] == ""
    bodies = [
        client.get(API + "comments/").content.decode(),
        b"".join(client.get(API + "comments.csv").streaming_content).decode(),
        b"".join(client.get(API + "comments.json").streaming_content).decode(),
    ]
    for body in bodies:
        for secret in (*PERSONAL, world["personal"].reference, world["personal"].client_hash):
            assert secret not in body
        assert "Still waiting for a moderator" not in body and "Rejected words" not in body


def test_a_district_is_named_only_when_enough_comments_share_it(client, world, settings):
    settings.OPEN_DATA_MIN_GROUP_SIZE = 1
    rows = get_json(client, "comments/")["results"]
    assert {r["district"] for r in rows} == {"Rainier Valley", ""}
    settings.OPEN_DATA_MIN_GROUP_SIZE = 2
    rows = get_json(client, "comments/")["results"]
    assert {r["district"] for r in rows} == {""}


@pytest.mark.parametrize(
    ("params", "expected"),
    [
        ({"language": "ko"}, {"korean"}),
        ({"right": OTHER_RIGHT}, {"other_right"}),
        ({"right": "-"}, {"whole"}),
        ({"theme": "waiting-times"}, {"personal", "korean"}),
        ({"theme": "unreviewed"}, set()),
        ({"theme": "waiting-times", "language": "en"}, {"personal"}),
    ],
)
def test_filters_select_the_matching_comments(client, world, params, expected):
    assert ids(get_json(client, "comments/", **params)) == {world[k].pk for k in expected}


def test_date_and_draft_filters(client, world):
    from django.utils import timezone

    today = timezone.localdate()
    week_ago = (today - timezone.timedelta(days=7)).isoformat()
    recent = ids(get_json(client, "comments/", date_from=week_ago))
    assert recent == {world[k].pk for k in ("korean", "amharic", "other_right", "whole")}
    older = ids(get_json(client, "comments/", date_to=week_ago))
    assert older == {world["personal"].pk}
    korean_draft_2 = world["korean"].draft.pk
    assert len(ids(get_json(client, "comments/", draft=korean_draft_2))) == 5
    first = get_json(client, "consultations/")["results"][0]["drafts"][0]
    assert first["version"] == 1
    assert ids(get_json(client, "comments/", draft=first["id"])) == set()


@pytest.mark.parametrize(
    "params",
    [
        {"consultation": "999999"},
        {"draft": "999999"},
        {"date_from": "yesterday"},
        {"date_from": "2026-02-02", "date_to": "2026-02-01"},
        {"page_size": "501"},
        {"language": "xx"},
        {"consultation": "9" * 40},
    ],
)
def test_a_filter_that_is_not_understood_is_a_400_naming_it(client, world, params):
    response = client.get(API + "comments/", params)
    assert response.status_code == 400
    data = response.json()
    assert data["errors"] and data["licence"]["name"] == "CC BY 4.0"


def test_paging_walks_every_comment_once(client, world):
    seen, page, pages = [], 1, None
    while True:
        data = get_json(client, "comments/", page_size=2, page=page)
        pages = data["pages"]
        seen.extend(ids(data))
        if data["next"] is None:
            break
        assert f"page={page + 1}" in data["next"] and "page_size=2" in data["next"]
        page += 1
    assert pages == 3 and len(seen) == 5 == len(set(seen))
    assert get_json(client, "comments/", page_size=2, page=3)["previous"].endswith("page=2")


def test_theme_counts_name_the_published_analysis_and_only_approved_themes(client, world):
    data = get_json(client, "themes/")
    (entry,) = data["results"]
    assert entry["analysis"]["run"] == world["run"].pk
    assert [t["key"] for t in entry["themes"]] == ["waiting-times"]
    assert entry["themes"][0]["count"] == 2
    assert entry["themes"][0]["label"] == "Waiting times"


def test_no_analysis_yet_means_no_themes(client, demo):
    data = get_json(client, "themes/")
    assert data["results"][0]["analysis"] is None and data["results"][0]["themes"] == []


def test_csv_download_has_a_row_per_comment_the_licence_and_guarded_cells(client, demo, world):
    published(draft(demo), text="=1+1")
    response = client.get(API + "comments.csv", {"language": "en"})
    assert response["Content-Type"].startswith("text/csv")
    assert "attachment" in response["Content-Disposition"]
    rows = list(csv.DictReader(io.StringIO(b"".join(response.streaming_content).decode())))
    first_key = next(iter(rows[0]))
    assert first_key.lstrip("\ufeff") == "id"
    assert len(rows) == 4
    assert {row["licence"] for row in rows} == {"CC BY 4.0"}
    assert any(row["text"] == "'=1+1" for row in rows)
    personal = next(r for r in rows if r[first_key] == str(world["personal"].pk))
    assert personal["themes"] == "Waiting times" and personal["theme_keys"] == "waiting-times"


def test_json_download_holds_every_selected_comment_and_the_licence(client, world):
    response = client.get(API + "comments.json", {"theme": "waiting-times"})
    data = json.loads(b"".join(response.streaming_content))
    assert data["licence"] == {
        "name": "CC BY 4.0",
        "url": "https://creativecommons.org/licenses/by/4.0/",
    }
    assert {row["id"] for row in data["results"]} == {world["personal"].pk, world["korean"].pk}
    assert 'rel="license"' in response["Link"]


def test_the_api_is_rate_limited_with_retry_after(world, settings):
    settings.RATE_LIMITS = {**settings.RATE_LIMITS, "open-data": {"limit": 2, "window": 60}}
    client = Client(REMOTE_ADDR="203.0.113.9")
    codes = [client.get(API + "comments/").status_code for _ in range(3)]
    assert codes == [200, 200, 429]
    refused = client.get(API + "themes/")
    assert refused.status_code == 429 and int(refused["Retry-After"]) > 0
    assert Client(REMOTE_ADDR="198.51.100.2").get(API + "comments/").status_code == 200


def test_downloads_have_their_own_smaller_limit(world, settings):
    settings.RATE_LIMITS = {
        **settings.RATE_LIMITS,
        "open-data-download": {"limit": 1, "window": 3600},
    }
    client = Client(REMOTE_ADDR="203.0.113.10")
    assert client.get(API + "comments.csv").status_code == 200
    assert client.get(API + "comments.json").status_code == 429
    assert client.get(API + "comments/").status_code == 200


def test_the_openapi_description_validates_and_lists_what_the_api_serves(client, world):
    description = get_json(client, "openapi.json")
    validate(description)
    assert description["info"]["license"]["name"] == "CC BY 4.0"
    for path in description["paths"]:
        assert client.get(API + path.lstrip("/")).status_code == 200, path
    index = get_json(client, "")
    assert index["endpoints"]["openapi"].endswith("/api/open-data/v1/openapi.json")


@pytest.mark.parametrize("role", ["anonymous", "admin", "moderator", "analyst"])
def test_everyone_reads_the_same_public_data_and_nobody_writes(world, role):
    client = Client()
    if role != "anonymous":
        client.force_login(user_in_role(role, username=f"od-{role}"))
    assert get_json(client, "comments/")["count"] == 5
    for path in ("comments/", "themes/", "consultations/", "comments.csv"):
        assert client.post(API + path).status_code == 405


@pytest.mark.parametrize("language", ["en", "ko", "am"])
def test_the_open_data_page_explains_the_licence_and_links_the_files(client, world, language):
    home = client.get(f"/{language}/open-data/")
    assert home.status_code == 200
    html = home.content.decode()
    assert "CC BY 4.0" in html and "creativecommons.org/licenses/by/4.0/" in html
    assert f"/api/open-data/v1/comments.csv?consultation={world['run'].consultation_id}" in html
    assert "/api/open-data/v1/openapi.json" in html
    assert f'href="/{language}/open-data/"' in html  # the footer links here on every page
