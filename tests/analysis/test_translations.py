"""Analysts read what residents wrote in other languages in their own: the review screen,
the report and the exports show the translation beside the original, say who made it, and
leave machine translations out where the consultation switched machine output off."""

import csv
import io

import pytest
from django.contrib.contenttypes.models import ContentType
from django.urls import reverse

from analysis.models import AnalysisItem
from participation.models import Translation
from tests.analysis.report_fixtures import build_run

pytestmark = pytest.mark.django_db


@pytest.fixture
def run(demo):
    return build_run(consultation=demo["consultation"], size=12)


def translate(item, *, text, origin="human", language="en"):
    return Translation.objects.create(
        content_type=ContentType.objects.get_for_id(item.content_type_id),
        object_id=item.object_id,
        field_key=item.field_key,
        source_language=item.language,
        language=language,
        text=text,
        origin=origin,
        engine="libretranslate" if origin == "machine" else "",
    )


def foreign_item(run):
    return AnalysisItem.objects.filter(run=run).exclude(language="en").order_by("pk").first()


def export(client, run):
    response = client.get(reverse("analysis_export_csv", args=[run.pk]))
    rows = list(csv.reader(io.StringIO(b"".join(response.streaming_content).decode("utf-8-sig"))))
    return rows[0], {row[0]: dict(zip(rows[0], row, strict=True)) for row in rows[1:]}


def test_review_screen_shows_the_translation_beside_the_original(client, analyst_user, run):
    item = foreign_item(run)
    translate(item, text="Answer the phone faster.")
    client.force_login(analyst_user)
    html = client.get(reverse("analysis_item_review", args=[run.pk]), {"item": item.pk})
    html = html.content.decode()
    assert item.text in html
    assert "Answer the phone faster." in html and "Translated by City staff" in html


def test_report_lists_translated_comments_with_who_translated(client, analyst_user, run):
    item = foreign_item(run)
    translate(item, text="Machine words here.", origin="machine")
    client.force_login(analyst_user)
    html = client.get(reverse("analysis_report", args=[run.pk])).content.decode()
    assert "Comments from other languages, translated" in html
    assert "Machine words here." in html and "Machine translation" in html


def test_a_person_beats_the_machine_and_exports_say_which(client, analyst_user, run):
    item = foreign_item(run)
    translate(item, text="Machine words here.", origin="machine")
    translate(item, text="A person's words.")
    other = AnalysisItem.objects.filter(run=run).exclude(language="en").order_by("pk")[1]
    translate(other, text="Only a machine here.", origin="machine")
    client.force_login(analyst_user)
    header, rows = export(client, run)
    assert "Translation (en)" in header and "Themes made by" in header
    assert rows[item.ref]["Translation (en)"] == "A person's words."
    assert rows[item.ref]["Translated by"] == "City staff"
    assert rows[other.ref]["Translated by"] == "machine translation"


def test_switching_machine_output_off_drops_machine_translations_for_analysts(
    client, analyst_user, run
):
    item = foreign_item(run)
    translate(item, text="Machine words here.", origin="machine")
    consultation = run.consultation
    consultation.machine_output = "off"
    consultation.save()
    client.force_login(analyst_user)
    _header, rows = export(client, run)
    assert rows[item.ref]["Translation (en)"] == ""
    html = client.get(reverse("analysis_item_review", args=[run.pk]), {"item": item.pk})
    assert "Machine words here." not in html.content.decode()
