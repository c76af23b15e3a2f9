"""Keeping each run's stored report current. The services that change what a report summarises
(a finished run, an approval, every analyst decision) ask for a refresh once their transaction
commits; the background task recomputes the figures. Pages and reports only ever read them."""

import time

from django.db import transaction
from django_tasks import task

from analysis.models.reports import ReportSnapshot
from analysis.models.runs import AnalysisRun
from analysis.selectors.figures import unfiltered_figures


def snapshot_refresh(*, run_id: int) -> ReportSnapshot | None:
    """Compute and store the unfiltered and agreement figures of a run at its current review
    version. A refresh that finishes after a newer one never overwrites it."""
    run = AnalysisRun.objects.filter(pk=run_id, status=AnalysisRun.Status.SUCCEEDED).first()
    if run is None:
        return None
    started = time.perf_counter()
    figures = unfiltered_figures(run=run)
    seconds = time.perf_counter() - started
    with transaction.atomic():
        snapshot, _created = ReportSnapshot.objects.select_for_update().get_or_create(run=run)
        if snapshot.figures and snapshot.version > run.review_version:
            return snapshot
        snapshot.figures = figures
        snapshot.version = run.review_version
        snapshot.seconds = seconds
        snapshot.save()
    return snapshot


@task()
def report_snapshot_task(run_id: int) -> int:
    snapshot = snapshot_refresh(run_id=run_id)
    return snapshot.version if snapshot is not None else -1


def snapshot_refresh_later(*, run: AnalysisRun) -> None:
    """Queue a refresh of the run's stored report for when the current transaction commits."""
    run_id = run.pk
    transaction.on_commit(lambda: report_snapshot_task.enqueue(run_id))
