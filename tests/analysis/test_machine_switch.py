"""The consultation's AI switch: machine-made results are marked on public pages while it
is on, leave the public pages when set to "staff only", and stop altogether when "off"."""

import pytest
from django.contrib.auth import get_user_model

from analysis.models import AnalysisRun
from consultation.models import ConsultationPage
from tests.analysis.outcome_fixtures import analyse_and_publish, make_comments

pytestmark = pytest.mark.django_db


@pytest.fixture
def published(demo, monkeypatch):
    monkeypatch.setattr(
        "analysis.inputs.SOURCES", ("tests.analysis.outcome_fixtures.published_comment_items",)
    )
    comments = make_comments(demo)
    run, pages, keys = analyse_and_publish(demo, comments)
    return {"comments": comments, "pages": pages, "keys": keys}


def switch(demo, value):
    ConsultationPage.objects.filter(pk=demo["consultation"].pk).update(machine_output=value)


def test_machine_results_are_marked_on_public_pages(client, demo, published):
    status = client.get(f"/en/status/?code={published['comments'][0].reference}")
    assert "Machine analysis" in status.content.decode()
    heard = client.get(published["pages"]["what-we-heard"].url).content.decode()
    assert "Machine analysis" in heard and "raised this" in heard
    method = client.get(published["pages"]["method-note"].url).content.decode()
    assert "What a machine made, and what people made" in method
    assert "Machine-made results are shown on these pages" in method


@pytest.mark.parametrize("value", ["staff_only", "off"])
def test_the_switch_takes_machine_results_off_public_pages(client, demo, published, value):
    switch(demo, value)
    status = client.get(f"/en/status/?code={published['comments'][0].reference}").content
    assert "Themes your comment was counted under" not in status.decode()
    heard = client.get(published["pages"]["what-we-heard"].url).content.decode()
    assert "raised this" not in heard and "Machine analysis" not in heard
    method = client.get(published["pages"]["method-note"].url).content.decode()
    assert "machine-made results are not shown on public pages" in method


def test_switched_off_no_analysis_run_can_be_started(client, demo):
    switch(demo, "off")
    client.force_login(get_user_model().objects.create_superuser("root-s", "r@example.org", "x"))
    response = client.post(
        "/admin/analysis/runs/new/", {"consultation": demo["consultation"].pk, "emergent": "on"}
    )
    assert response.status_code == 400
    assert "switched off" in response.content.decode()
    assert not AnalysisRun.objects.exists()
