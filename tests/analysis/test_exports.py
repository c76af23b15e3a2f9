"""Exports read back row for row: CSV streamed, XLSX written row by row, formulas defused,
and the printable report draws every chart next to its table."""

import csv
import io

import pytest
from django.urls import reverse
from openpyxl import load_workbook

from analysis.models import AnalysisItem, Theme
from tests.analysis.report_fixtures import build_run, theme_keys_for

pytestmark = pytest.mark.django_db


@pytest.fixture
def run(demo):
    return build_run(consultation=demo["consultation"], size=30)


def expected_themes(run, index):
    names = dict(Theme.objects.filter(run=run).values_list("key", "name"))
    return "; ".join(sorted(names[k] for k in theme_keys_for(index)))


def test_csv_export_streams_and_reads_back(client, analyst_user, run):
    client.force_login(analyst_user)
    response = client.get(reverse("analysis_export_csv", args=[run.pk]))
    assert response.status_code == 200 and response.streaming
    text = b"".join(response.streaming_content).decode("utf-8-sig")
    rows = list(csv.reader(io.StringIO(text)))
    header = rows[0]
    themes, text = header.index("Themes"), header.index("Text")
    assert header[0] == "Reference" and header[text + 1 :] == ["Translation (en)", "Translated by"]
    assert len(rows) == 31
    for index, row in enumerate(rows[1:]):
        assert row[themes] == expected_themes(run, index)
        assert row[themes + 1] == ("machine" if row[themes] else "")
    assert rows[6][text] == '\'=HYPERLINK("x")'
    assert not any("@example.org" in cell for row in rows for cell in row)


def test_csv_export_applies_filters(client, analyst_user, run):
    client.force_login(analyst_user)
    response = client.get(reverse("analysis_export_csv", args=[run.pk]), {"language": "ko"})
    rows = list(csv.reader(io.StringIO(b"".join(response.streaming_content).decode("utf-8-sig"))))
    assert len(rows) - 1 == AnalysisItem.objects.filter(run=run, language="ko").count()
    assert {row[2] for row in rows[1:]} == {"Korean"}


def test_exports_and_reports_name_channels_languages_and_rights_instead_of_codes(
    client, analyst_user, run
):
    client.force_login(analyst_user)
    AnalysisItem.objects.filter(run=run, channel="mail").update(channel="in_person")
    response = client.get(reverse("analysis_export_csv", args=[run.pk]))
    rows = list(csv.reader(io.StringIO(b"".join(response.streaming_content).decode("utf-8-sig"))))
    channels = {row[3] for row in rows[1:]}
    assert "In person" in channels and "in_person" not in channels
    assert {row[2] for row in rows[1:]} >= {"English", "Korean", "Amharic"}
    html = client.get(reverse("analysis_report", args=[run.pk])).content.decode()
    assert "In person" in html and ">in_person<" not in html


def test_xlsx_export_reads_back(client, analyst_user, run):
    client.force_login(analyst_user)
    response = client.get(reverse("analysis_export_xlsx", args=[run.pk]))
    assert response.status_code == 200
    workbook = load_workbook(io.BytesIO(b"".join(response.streaming_content)), read_only=True)
    rows = list(workbook.active.iter_rows(values_only=True))
    themes, text = rows[0].index("Themes"), rows[0].index("Text")
    assert len(rows) == 31
    for index, row in enumerate(rows[1:]):
        assert (row[themes] or "") == expected_themes(run, index)
    assert rows[6][text] == '\'=HYPERLINK("x")'


def test_printable_report_has_every_chart_with_its_table(client, analyst_user, run):
    client.force_login(analyst_user)
    html = client.get(reverse("analysis_report_print", args=[run.pk])).content.decode()
    for chart, table in (
        ("chart-themes", "table-themes"),
        ("chart-matrix", "table-matrix"),
        ("chart-trend", "table-trend"),
        ("chart-language", "table-language"),
        ("chart-channel", "table-channel"),
        ("chart-district", "table-district"),
    ):
        assert f'id="{chart}-title"' in html
        assert f'id="{table}"' in html
    assert "print.css" in html and html.count("<h1") == 1
