"""Background tasks, each defined next to the service it calls (a task is thin: it fetches
the row and hands over), listed here so a reader finds every task in one place."""

from analysis.services.opinions import opinions_refresh_task
from analysis.services.outcomes import outcome_emails_task
from analysis.services.runs import analysis_run_task
from analysis.services.snapshots import report_snapshot_task
from analysis.services.vectors import sentence_vectors_task

__all__ = [
    "analysis_run_task",
    "opinions_refresh_task",
    "outcome_emails_task",
    "report_snapshot_task",
    "sentence_vectors_task",
]
