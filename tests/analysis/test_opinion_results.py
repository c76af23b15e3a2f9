"""Votes reach the opinion groups through the background task, and the public results page
and the staff report show them: the map with a table of the same numbers, common ground and
splits across language communities, per-group and per-language agreement, CSV export."""

import csv
import io

import pytest
from django.test import Client

from analysis.models import OpinionSnapshot
from consultation.services.voting import vote_cast
from tests.consultation.statement_helpers import add_statement, consultation

pytestmark = pytest.mark.django_db

# Worked by hand: English and Korean voters all agree with "refund" (common ground in both
# communities); on "online" every English voter agrees and every Korean voter disagrees
# (a split); "saturday" is agreed by English voters and passed by Korean ones.
VOTES = {"refund": (1, 1), "online": (1, -1), "saturday": (1, 0)}
PEOPLE = {"en": 6, "ko": 6}


@pytest.fixture
def voted(demo, django_capture_on_commit_callbacks):
    page = consultation(demo)
    texts = {
        "refund": "Refund fees when the city misses its deadline.",
        "online": "Everything should be possible online.",
        "saturday": "Offices should open on Saturdays.",
    }
    rows = {
        name: add_statement(page, text, order=i, translations={"ko": f"{text} (ko)"})
        for i, (name, text) in enumerate(texts.items())
    }
    ballots = [
        (language, person, name, statement)
        for language, count in PEOPLE.items()
        for person in range(count)
        for name, statement in rows.items()
    ]
    for number, (language, person, name, statement) in enumerate(ballots):
        # The last vote's commit asks for the refresh, which tests run at once.
        with django_capture_on_commit_callbacks(execute=number == len(ballots) - 1):
            vote_cast(
                statement=statement,
                value=VOTES[name][0 if language == "en" else 1],
                token=f"{language}-{person:02d}".ljust(32, "x"),
                language=language,
            )
    return page, rows


def test_votes_refresh_the_stored_groups(voted):
    page, rows = voted
    snapshot = OpinionSnapshot.objects.get(consultation_key=page.translation_key)
    figures = snapshot.figures
    assert figures["n_votes"] == 12 * 3 and figures["n_participants"] == 12
    by_language = figures["attributes"]["language"]
    assert by_language["sizes"] == {"en": 6, "ko": 6}
    common = [c["statement"] for c in by_language["consensus"] if c["majority"]]
    assert common == [str(rows["refund"].translation_key)]
    split = by_language["divisive"][0]
    assert split["statement"] == str(rows["online"].translation_key)
    assert (split["most"], split["least"]) == ("en", "ko")
    # The two communities vote as two blocks, so the map shows two opinion groups.
    assert figures["choice"]["k"] == 2
    assert sorted(g["size"] for g in figures["groups"]) == [6, 6]


def test_public_results_page_in_korean(client, demo, voted):
    page, rows = voted
    korean = consultation(demo, "ko")
    html = client.get(f"/ko/statements/{korean.pk}/results/").content.decode()
    assert "<svg" in html and html.count("<path d=") >= 12
    assert "Refund fees when the city misses its deadline. (ko)" in html
    assert "<table" in html
    assert 'lang="ko"' in html


def test_results_page_in_english_names_common_ground_and_the_split(client, demo, voted):
    page, rows = voted
    html = client.get(f"/en/statements/{page.pk}/results/").content.decode()
    common = html.split("Common ground across languages")[1].split("Where language")[0]
    assert "Refund fees" in common and "Everything should be possible online" not in common
    split = html.split("Where language communities differ")[1].split("Opinion groups")[0]
    assert "Everything should be possible online" in split
    assert "Most support: English" in split and "Least support: Korean" in split
    assert "100% (6)" in html and "0% (6)" in html


def test_results_page_before_any_vote(client, demo):
    page = consultation(demo)
    OpinionSnapshot.objects.filter(consultation_key=page.translation_key).delete()
    html = client.get(f"/en/statements/{page.pk}/results/").content.decode()
    assert "not ready yet" in html


def test_vote_page_and_what_we_heard_link_to_results(client, demo, voted):
    page, _rows = voted
    html = client.get(f"/en/statements/{page.pk}/").content.decode()
    assert f"/en/statements/{page.pk}/results/" in html


def test_staff_report_exports_csv_with_groups_and_languages(demo, voted, analyst_user):
    page, rows = voted
    staff = Client()
    staff.force_login(analyst_user)
    url = f"/admin/analysis/consultations/{page.pk}/statements/"
    assert staff.get(url).status_code == 200
    response = staff.get(url + "?export=csv")
    body = b"".join(response.streaming_content).decode("utf-8-sig")
    table = list(csv.DictReader(io.StringIO(body)))
    assert len(table) == 3
    online = next(r for r in table if r["Statement id"] == str(rows["online"].translation_key))
    assert online["English agree (%)"] == "100" and online["Korean agree (%)"] == "0"
    assert online["Agree"] == "6" and online["Disagree"] == "6"


def test_staff_report_is_for_analysts(client, demo, voted, moderator_user):
    page, _rows = voted
    client.force_login(moderator_user)
    url = f"/admin/analysis/consultations/{page.pk}/statements/"
    assert client.get(url).status_code in (302, 403)
