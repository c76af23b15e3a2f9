"""Analysis runs: created in a request, executed by a background worker, stored in one
transaction. A failure is recorded on the run with its error and raised again, never hidden."""

import time
import traceback
from datetime import timedelta

from django.db import transaction
from django.utils import timezone
from django_tasks import task

from analysis.engine.types import ENGINE_VERSION, AnalysisOptions
from analysis.inputs import gather_items, inputs_hash
from analysis.models.runs import AnalysisRun
from analysis.selectors.runs import source_consultation
from analysis.services.codebook import codebook_for, coded_examples_for
from analysis.services.snapshots import snapshot_refresh_later
from analysis.services.storage import store_result
from analysis.services.vectors import new_vectors_store, text_items_with_vectors

HEARTBEAT_SECONDS = 2.0
STALE_AFTER = timedelta(minutes=10)


def analysis_run_create(*, consultation, user=None, parameters=None, enqueue=True) -> AnalysisRun:
    """Freeze the inputs of a new run (their references and a hash) and queue it once the
    transaction commits, so the worker never sees a run that was rolled back."""
    consultation = source_consultation(consultation)
    with transaction.atomic():
        items = gather_items(consultation=consultation)
        run = AnalysisRun.objects.create(
            consultation=consultation,
            created_by=user if user is not None and user.is_authenticated else None,
            parameters=parameters or {},
            input_ids=[item.ref for item in items],
            input_hash=inputs_hash(items),
            engine_version=ENGINE_VERSION,
            progress_total=len(items),
        )
        if enqueue:
            transaction.on_commit(lambda: analysis_run_enqueue(run=run))
    return run


@task()
def analysis_run_task(run_id: int) -> None:
    """The worker's side of a run: thin, the service does the work and records failures."""
    analysis_run_execute(run_id=run_id)


def analysis_run_enqueue(*, run: AnalysisRun) -> None:
    result = analysis_run_task.enqueue(run.pk)
    AnalysisRun.objects.filter(pk=run.pk).update(task_id=str(result.id)[:64])


class _Progress:
    """Writes the engine's progress to the run row at most every HEARTBEAT_SECONDS; the row's
    heartbeat also tells a restarted worker whether a RUNNING run is still alive."""

    def __init__(self, run_id: int, echo=None):
        self.run_id = run_id
        self.echo = echo
        self.last = 0.0

    def __call__(self, stage: str, done: int, total: int) -> None:
        if self.echo is not None:
            self.echo(stage, done, total)
        now = time.monotonic()
        if now - self.last < HEARTBEAT_SECONDS and done < total:
            return
        self.last = now
        AnalysisRun.objects.filter(pk=self.run_id).update(
            progress_stage=stage[:64],
            progress_done=done,
            progress_total=total,
            heartbeat_at=timezone.now(),
        )


def _engine():
    """The engine loads NumPy, SciPy and scikit-learn: import it in the worker that runs the
    analysis, not in every web process that merely lists runs."""
    import analysis.engine

    return analysis.engine


def _options(parameters: dict) -> AnalysisOptions:
    allowed = AnalysisOptions.__dataclass_fields__
    return AnalysisOptions(**{k: v for k, v in parameters.items() if k in allowed})


def analysis_run_execute(*, run_id: int, progress=None) -> AnalysisRun:
    """Run the engine on exactly the run's inputs and store everything it found."""
    with transaction.atomic():
        run = AnalysisRun.objects.select_for_update().get(pk=run_id)
        if run.status == AnalysisRun.Status.SUCCEEDED:
            return run
        run.status = AnalysisRun.Status.RUNNING
        run.attempts += 1
        run.started_at = timezone.now()
        run.heartbeat_at = run.started_at
        run.finished_at = None
        run.error = ""
        run.save()
    try:
        consultation = run.consultation
        items = gather_items(consultation=consultation, refs=run.input_ids)
        options = _options(run.parameters)
        text_items = text_items_with_vectors(items, backend_option=options.backend)
        by_ref = {item.id: item for item in text_items}
        codebook = codebook_for(consultation=consultation)
        coded = coded_examples_for(consultation=consultation, items_by_ref=by_ref)
        started = time.perf_counter()
        result = _engine().run_analysis(
            text_items, codebook, coded, options=options, progress=_Progress(run.pk, progress)
        )
        engine_seconds = time.perf_counter() - started
        with transaction.atomic():
            store_result(run=run, items=items, codebook=codebook, result=result)
            new_vectors_store(result=result, text_items=text_items)
            run.status = AnalysisRun.Status.SUCCEEDED
            run.finished_at = timezone.now()
            run.engine_version = result.engine_version
            run.timings = {**result.timings, "engine_total": round(engine_seconds, 3)}
            run.totals = {
                **run.totals,
                "items": len(items),
                "missing_inputs": len(run.input_ids) - len(items),
                "inputs_changed": inputs_hash(items) != run.input_hash,
                "coded_examples": len(coded),
            }
            run.progress_done = run.progress_total = len(items)
            run.progress_stage = "done"
            run.save()
            snapshot_refresh_later(run=run)
    except Exception as error:
        AnalysisRun.objects.filter(pk=run.pk).update(
            status=AnalysisRun.Status.FAILED,
            finished_at=timezone.now(),
            error=f"{type(error).__name__}: {error}\n\n{traceback.format_exc()}"[-20000:],
        )
        raise
    return run


def analysis_runs_requeue_stale(*, now=None) -> list[int]:
    """Queue again the runs a stopped worker left RUNNING (no heartbeat for a while), and the
    queued runs whose task row was lost, so a worker restart never strands an analysis."""
    now = now or timezone.now()
    stale = AnalysisRun.objects.filter(
        status=AnalysisRun.Status.RUNNING, heartbeat_at__lt=now - STALE_AFTER
    )
    requeued = []
    for run in stale:
        AnalysisRun.objects.filter(pk=run.pk).update(status=AnalysisRun.Status.QUEUED)
        analysis_run_enqueue(run=run)
        requeued.append(run.pk)
    return requeued
