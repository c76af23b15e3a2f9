"""Runs record their inputs, execute in the background, store themes and survive failure."""

import socket

import pytest
from django.core.management import call_command

from analysis.models import AnalysisItem, AnalysisRun, Theme, ThemeAssignment
from analysis.services import analysis_run_create, analysis_run_execute, theme_new_item
from tests.analysis.conftest import CORPUS
from tests.factories import AnalysisItemFactory, submit_comment

pytestmark = pytest.mark.django_db


@pytest.fixture
def consultation(demo):
    return demo["consultation"]


def test_a_run_records_its_inputs_and_stores_themes(
    consultation, corpus_source, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        run = analysis_run_create(consultation=consultation)
    run.refresh_from_db()
    assert run.status == AnalysisRun.Status.SUCCEEDED, run.error
    assert len(run.input_ids) == len(CORPUS) and len(run.input_hash) == 64
    assert run.engine_version and run.timings and run.finished_at >= run.started_at
    assert AnalysisItem.objects.filter(run=run).count() == len(CORPUS)
    assert set(run.totals["languages"]) >= {"en", "es", "ko", "am"}
    one_number = Theme.objects.get(run=run, key="one_number")
    assert one_number.item_count >= 2
    assert one_number.summary["sentences"] and one_number.summary["quotes"]
    assert sum(one_number.stance_counts.values()) == one_number.item_count
    # Stance comes from the form only; English text sentiment never mixes into it.
    assert set(one_number.stance_counts) <= {"agree", "disagree", "unsure", "none"}
    machine = ThemeAssignment.objects.filter(run=run, source=ThemeAssignment.Source.MACHINE)
    assert machine.exists() and all(a.why for a in machine.filter(tag__kind="codebook"))


def test_a_run_started_from_a_translation_belongs_to_the_source_consultation(
    consultation, corpus_source
):
    korean = consultation.get_translations().get(locale__language_code="ko")
    run = analysis_run_create(consultation=korean, enqueue=False)
    assert run.consultation_id == consultation.pk


def test_a_failing_engine_marks_the_run_failed_with_its_error_and_a_rerun_works(
    consultation, corpus_source, monkeypatch
):
    def broken(*args, **kwargs):
        raise ValueError("engine exploded on purpose")

    monkeypatch.setattr("analysis.engine.run_analysis", broken)
    run = analysis_run_create(consultation=consultation, enqueue=False)
    with pytest.raises(ValueError):
        analysis_run_execute(run_id=run.pk)
    run.refresh_from_db()
    assert run.status == AnalysisRun.Status.FAILED
    assert "engine exploded on purpose" in run.error
    monkeypatch.undo()
    monkeypatch.setattr("analysis.inputs.SOURCES", ("tests.analysis.conftest.corpus_items",))
    rerun = analysis_run_execute(run_id=run.pk)
    assert rerun.status == AnalysisRun.Status.SUCCEEDED and rerun.attempts == 2


def test_a_new_comment_is_themed_without_a_full_run(consultation, corpus_source):
    analysis_run_execute(run_id=analysis_run_create(consultation=consultation, enqueue=False).pk)
    found = theme_new_item(
        consultation=consultation,
        content_type_id=1,
        object_id=999,
        text="Please give us a single phone number to call for every city service.",
        language="en",
    )
    assert "one_number" in {a.tag.key for a in found}
    assert all(a.source == ThemeAssignment.Source.INCREMENTAL for a in found)


def test_analyse_command_shows_progress_and_themes(consultation, corpus_source, capsys):
    call_command("analyse", "--consultation", consultation.slug)
    out, err = capsys.readouterr()
    assert "finished" in out and "one_number" not in out  # names, not keys, are shown
    assert "%" in err or "item" in err  # the progress bar
    assert AnalysisRun.objects.filter(status=AnalysisRun.Status.SUCCEEDED).count() == 1


def test_analyse_command_names_a_missing_consultation(db):
    from django.core.management.base import CommandError

    with pytest.raises(CommandError, match="nowhere"):
        call_command("analyse", "--consultation", "nowhere")


def test_nothing_reaches_the_network_during_a_full_run(consultation, corpus_source, monkeypatch):
    def refuse(*args, **kwargs):
        raise AssertionError("network access attempted")

    monkeypatch.setattr(socket.socket, "connect", refuse)
    monkeypatch.setattr(socket, "create_connection", refuse)
    run = analysis_run_create(consultation=consultation, enqueue=False)
    assert analysis_run_execute(run_id=run.pk).status == AnalysisRun.Status.SUCCEEDED


@pytest.mark.django_db(transaction=True)
def test_a_queued_run_survives_a_worker_restart(demo, corpus_source, settings):
    """The run waits in the database while no worker is up, and the next worker runs it."""
    settings.TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}
    from django_tasks import task_backends

    task_backends._settings = None  # pick up the database backend for this test
    try:
        run = analysis_run_create(consultation=demo["consultation"])
        run.refresh_from_db()
        assert run.status == AnalysisRun.Status.QUEUED and run.task_id
        call_command("db_worker", "--batch", "--no-startup-delay", "--no-reload")
        run.refresh_from_db()
        assert run.status == AnalysisRun.Status.SUCCEEDED
    finally:
        task_backends._settings = None


def test_a_run_left_running_by_a_killed_worker_is_picked_up_again(
    consultation, corpus_source, django_capture_on_commit_callbacks
):
    from datetime import timedelta

    from django.utils import timezone

    run = analysis_run_create(consultation=consultation, enqueue=False)
    AnalysisRun.objects.filter(pk=run.pk).update(
        status=AnalysisRun.Status.RUNNING, heartbeat_at=timezone.now() - timedelta(hours=1)
    )
    with django_capture_on_commit_callbacks(execute=True):
        call_command("analysis_recover")
    run.refresh_from_db()
    assert run.status == AnalysisRun.Status.SUCCEEDED


def test_erasing_a_participant_reaches_the_analysed_copy(demo):
    from django.contrib.contenttypes.models import ContentType

    from consultation.models import Comment
    from consultation.services import participant_erase

    draft = demo["drafts"][0]
    stored = submit_comment(
        draft,
        text="Call me at 206-555-0147 about the one number idea.",
        email="resident@example.org",
        district="Rainier Valley",
        consent_contact=True,
        notify=False,
    ).comment
    run = analysis_run_create(consultation=demo["consultation"], enqueue=False)
    AnalysisItemFactory(
        run=run,
        content_type=ContentType.objects.get_for_model(Comment),
        object_id=stored.pk,
        text=stored.text,
        district="Rainier Valley",
    )
    participant_erase(reference=stored.reference)
    copy = AnalysisItem.objects.get(run=run, object_id=stored.pk)
    assert copy.district == "" and "206-555-0147" not in copy.text
