"""Background tasks: thin wrappers that fetch a row and call a service."""

from django_tasks import task

from analysis.services.runs import analysis_run_execute


@task()
def analysis_run_task(run_id: int) -> None:
    analysis_run_execute(run_id=run_id)


@task()
def outcome_emails_task(draft_key: str) -> int:
    from analysis.services.outcomes import outcome_emails_send

    return outcome_emails_send(draft_key=draft_key)
