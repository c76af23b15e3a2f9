"""Staff read counts, percentages, cross-tabs and written answers; exports read back intact and
safe against spreadsheet formulas."""

import csv
import io

import openpyxl
import pytest
from django.urls import reverse
from wagtail.models import Locale

from survey.selectors import survey_crosstab, survey_results
from tests.factories import SurveyResponseFactory

pytestmark = pytest.mark.django_db

# (language, channel, answers): a small known fixture to count by hand.
FIXTURE = [
    (
        "en",
        "web",
        {
            "called": "yes",
            "channels": ["phone", "email"],
            "satisfaction": 8,
            "single_number": 5,
            "district": "north",
            "wait": '=HYPERLINK("x")',
        },
    ),
    (
        "en",
        "phone",
        {
            "called": "no",
            "channels": ["phone"],
            "satisfaction": 2,
            "single_number": 4,
            "district": "south",
            "why_unhappy": "+cmd|' /C calc'!A0",
        },
    ),
    (
        "ko",
        "web",
        {
            "called": "yes",
            "channels": ["email", "other"],
            "channels__other": "카카오톡",
            "satisfaction": 8,
            "single_number": 5,
            "district": "north",
            "priorities": ["clarity", "speed", "fairness"],
            "statements": {"staff_are_polite": 4, "answers_are_clear": 2},
        },
    ),
    (
        "es",
        "mail",
        {
            "called": "no",
            "channels": ["in_person"],
            "satisfaction": 10,
            "single_number": 2,
            "comments": "@SUM(1+1)",
        },
    ),
]


@pytest.fixture
def answered(survey):
    for code, channel, data in FIXTURE:
        SurveyResponseFactory(
            page=survey,
            form_data=data,
            locale=Locale.objects.get(language_code=code),
            consultation=survey.get_parent(),
            channel=channel,
            receipt_code=f"T{len(data)}{code}{channel}"[:16],
        )
    return survey


def _result(results, key):
    return next(result for result in results if result.key == key)


def test_counts_and_percentages_match_the_fixture(answered):
    total, results = survey_results(survey=answered)
    assert total == 4
    channels = {o.key: (o.count, o.percent) for o in _result(results, "channels").options}
    assert channels == {
        "phone": (2, 50.0),
        "email": (2, 50.0),
        "in_person": (1, 25.0),
        "other": (1, 25.0),
    }
    called = _result(results, "called")
    assert called.answered == 4
    assert {o.key: o.percent for o in called.options} == {"yes": 50.0, "no": 50.0}
    satisfaction = _result(results, "satisfaction")
    assert {o.key: o.count for o in satisfaction.options if o.count} == {"8": 2, "2": 1, "10": 1}
    assert satisfaction.mean == 7.0
    likert = {o.key: o.count for o in _result(results, "single_number").options}
    assert likert == {"1": 0, "2": 1, "3": 0, "4": 1, "5": 2}
    district = _result(results, "district")
    assert district.answered == 3
    assert {o.key: o.percent for o in district.options}["north"] == 66.7
    matrix = _result(results, "statements")
    polite = next(row for row in matrix.rows if row.key == "staff_are_polite")
    assert {o.key: o.count for o in polite.options}["4"] == 1


def test_crosstab_by_language_and_by_channel(answered):
    by_language = survey_crosstab(survey=answered, question_key="called", by="language")
    columns = [code for code, _label in by_language.columns]
    yes = next(row for row in by_language.rows if row["key"] == "yes")["cells"]
    no = next(row for row in by_language.rows if row["key"] == "no")["cells"]
    assert yes[columns.index("en")] == 1 and yes[columns.index("ko")] == 1
    assert no[columns.index("es")] == 1 and no[columns.index("en")] == 1
    assert by_language.total == 4
    by_channel = survey_crosstab(survey=answered, question_key="channels", by="channel")
    columns = [code for code, _label in by_channel.columns]
    phone = next(row for row in by_channel.rows if row["key"] == "phone")["cells"]
    assert phone[columns.index("web")] == 1 and phone[columns.index("phone")] == 1
    by_question = survey_crosstab(survey=answered, question_key="called", by="district")
    columns = [code for code, _label in by_question.columns]
    yes = next(row for row in by_question.rows if row["key"] == "yes")["cells"]
    assert yes[columns.index("north")] == 2


def test_results_page_shows_chart_table_crosstab_and_written_answers(client, admin_user, answered):
    client.force_login(admin_user)
    url = reverse("survey_admin:results", args=[answered.pk])
    html = client.get(url + "?question=channels&by=channel").content.decode()
    assert '<svg class="survey-chart" role="img"' in html
    assert '<th scope="row">Email</th><td>2</td><td>50.0%</td>' in html
    assert "카카오톡" in html and 'lang="ko"' in html
    assert "How do you contact the city?, by Channel" in html


def _export_rows(client, survey, fmt):
    response = client.get(reverse("survey_admin:export", args=[survey.pk, fmt]))
    assert response.status_code == 200
    if fmt == "csv":
        text = response.content.decode("utf-8-sig")
        return list(csv.reader(io.StringIO(text)))
    workbook = openpyxl.load_workbook(io.BytesIO(response.content))
    return [[cell.value for cell in row] for row in workbook.active.iter_rows()]


@pytest.mark.parametrize("fmt", ["csv", "xlsx"])
def test_exports_read_back_with_labels_raw_values_and_neutralised_formulas(
    client, admin_user, answered, fmt
):
    client.force_login(admin_user)
    rows = _export_rows(client, answered, fmt)
    header, body = rows[0], rows[1:]
    assert len(body) == 4
    column = {name: index for index, name in enumerate(header)}
    first, korean = body[0], body[2]
    assert first[column["How do you contact the city?"]] == "Phone; Email"
    assert first[column["How do you contact the city? [value]"]] == "phone;email"
    assert str(first[column["How satisfied are you? [value]"]]) == "8"
    assert first[column["How long did you wait?"]] == '\'=HYPERLINK("x")'
    assert body[1][column["What went wrong?"]] == "'+cmd|' /C calc'!A0"
    assert body[3][column["Anything else?"]] == "'@SUM(1+1)"
    assert korean[column["Language"]] == "Korean"
    assert korean[column["How do you contact the city?: Other (please say)"]] == "카카오톡"
    assert korean[column["Rank these priorities"]] == "Clarity > Speed > Fairness"
    assert korean[column["How far do you agree?: Staff are polite"]] == "Agree"
    assert str(korean[column["How far do you agree?: Staff are polite [value]"]]) == "4"
    assert body[3][column["Channel"]] == "Mail (paper form or letter)"
