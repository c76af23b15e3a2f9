"""Analysts start runs from the admin and see failures; other roles cannot."""

import pytest
from django.urls import reverse

from analysis.models import AnalysisRun
from analysis.services import analysis_run_create, analysis_run_execute

pytestmark = pytest.mark.django_db


@pytest.fixture
def users(admin_user, editor_user, moderator_user, analyst_user):
    return {
        "admin": admin_user,
        "editor": editor_user,
        "moderator": moderator_user,
        "analyst": analyst_user,
    }


@pytest.mark.parametrize(
    ("role", "allowed"),
    [
        ("anonymous", False),
        ("moderator", False),
        ("editor", False),
        ("analyst", True),
        ("admin", True),
    ],
)
def test_run_screens_permission_matrix(client, users, demo, corpus_source, role, allowed):
    run = analysis_run_create(consultation=demo["consultation"], enqueue=False)
    if role != "anonymous":
        client.force_login(users[role])
    screens = (
        reverse("analysis_runs:index"),
        reverse("analysis_runs:add"),
        reverse("analysis_runs:detail", args=[run.pk]),
        reverse("analysis_runs:index") + "?export=xlsx",
    )
    for url in screens:
        response = client.get(url)
        if role == "anonymous":
            assert response.status_code == 302 and "/admin/login/" in response["Location"]
        elif allowed:
            assert response.status_code == 200
        else:
            assert response.status_code in (302, 403)
    response = client.post(reverse("analysis_runs:add"), {"consultation": demo["consultation"].pk})
    started = response.status_code == 302 and response["Location"].startswith("/admin/analysis/")
    assert started is allowed
    assert AnalysisRun.objects.count() == (2 if allowed else 1)


def test_analyst_starts_a_run_that_the_worker_executes(
    client, analyst_user, demo, corpus_source, django_capture_on_commit_callbacks
):
    client.force_login(analyst_user)
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(
            reverse("analysis_runs:add"),
            {"consultation": demo["consultation"].pk, "emergent": "on"},
        )
    run = AnalysisRun.objects.get()
    assert response["Location"] == reverse("analysis_runs:detail", args=[run.pk])
    assert run.created_by == analyst_user
    html = client.get(response["Location"]).content.decode()
    assert 'data-run-status="succeeded"' in html
    assert "One number to call" in html or "one number" in html.lower()


def test_a_failed_run_shows_its_error_to_staff_and_can_be_rerun(
    client, analyst_user, demo, corpus_source, monkeypatch, django_capture_on_commit_callbacks
):
    def broken(*args, **kwargs):
        raise RuntimeError("tokenizer missing its dictionary")

    monkeypatch.setattr("analysis.engine.run_analysis", broken)
    run = analysis_run_create(consultation=demo["consultation"], enqueue=False)
    with pytest.raises(RuntimeError):
        analysis_run_execute(run_id=run.pk)
    client.force_login(analyst_user)
    html = client.get(reverse("analysis_runs:detail", args=[run.pk])).content.decode()
    assert 'data-run-status="failed"' in html and "tokenizer missing its dictionary" in html
    monkeypatch.undo()
    monkeypatch.setattr("analysis.inputs.SOURCES", ("tests.analysis.conftest.corpus_items",))
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(reverse("analysis_runs:detail", args=[run.pk]))
    rerun = AnalysisRun.objects.exclude(pk=run.pk).get()
    assert response["Location"] == reverse("analysis_runs:detail", args=[rerun.pk])
    assert rerun.status == AnalysisRun.Status.SUCCEEDED
