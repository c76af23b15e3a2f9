"""The worker's side of machine translation: thin tasks that call the services."""

from django.db import transaction
from django_tasks import task

from participation.translations.machine import (
    batches,
    machine_translations_queue,
    machine_translations_reopen_failed,
    machine_translations_run,
)
from participation.translations.services import translations_erase


@task()
def machine_translate_batch_task(request_ids: list[int]) -> dict:
    return machine_translations_run(request_ids=request_ids)


def enqueue_batches(ids: list[int]) -> None:
    for batch in batches(ids):
        machine_translate_batch_task.enqueue(batch)


@task()
def machine_translations_retry_task() -> list[int]:
    """Send failed requests again, in batches, until each has used its attempts. Run it from
    the scheduler, or with `manage.py retry_machine_translations`."""
    ids = machine_translations_reopen_failed()
    enqueue_batches(ids)
    return ids


def contribution_published(sender, contribution, **kwargs) -> None:
    """Signal receiver: queue machine translations of a newly public text (when switched on)."""
    ids = machine_translations_queue(contribution=contribution)
    if ids:
        transaction.on_commit(lambda: enqueue_batches(ids))


def contribution_submitted(sender, contribution, **kwargs) -> None:
    """Signal receiver: texts with no publication step (survey answers, whose model sets
    `translate_on_submit`) are queued when stored; comments wait until they are published."""
    if getattr(contribution.model, "translate_on_submit", False):
        contribution_published(sender, contribution)


def contribution_erased(sender, contribution, **kwargs) -> None:
    """Signal receiver: an erased contribution keeps no translation of the resident's words."""
    translations_erase(model=contribution.model, object_id=contribution.object_id)
