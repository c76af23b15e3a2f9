"""Write-side operations of the analysis app: create and execute runs, theme new comments,
record analysts' decisions. Views, tasks and commands call these; none holds business rules."""

from analysis.services.codebook import codebook_for, coded_examples_for
from analysis.services.incremental import theme_new_item
from analysis.services.outcomes import outcome_emails_schedule, outcome_emails_send
from analysis.services.public_pages import public_pages_create
from analysis.services.review import (
    item_review_save,
    population_shares_save,
    run_approve,
    theme_approve,
    theme_merge,
    theme_rename,
    theme_restore,
    theme_retire,
    theme_split,
)
from analysis.services.runs import (
    analysis_run_create,
    analysis_run_enqueue,
    analysis_run_execute,
    analysis_runs_requeue_stale,
)

__all__ = [
    "analysis_run_create",
    "analysis_run_enqueue",
    "analysis_run_execute",
    "analysis_runs_requeue_stale",
    "codebook_for",
    "coded_examples_for",
    "item_review_save",
    "outcome_emails_schedule",
    "outcome_emails_send",
    "population_shares_save",
    "public_pages_create",
    "run_approve",
    "theme_approve",
    "theme_merge",
    "theme_new_item",
    "theme_rename",
    "theme_restore",
    "theme_retire",
    "theme_split",
]
