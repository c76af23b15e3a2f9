"""Machine translation in the background: queue a published contribution's texts, send them
to the backend in batches from the worker, store what comes back as machine rows, and record
failures for the retry task. With no backend in settings nothing is queued or sent."""

from __future__ import annotations

from itertools import groupby

from django.contrib.contenttypes.models import ContentType
from django.db import IntegrityError, transaction
from django.db.models import F
from wagtail import hooks

from participation.translations.backends import (
    TranslationError,
    get_backend,
    machine_translation_settings,
)
from participation.translations.models import MachineTranslationRequest as Request
from participation.translations.models import MachineTranslationStatus as Status
from participation.translations.services import store_machine_translation


def machine_translation_enabled() -> bool:
    return bool(machine_translation_settings()["BACKEND"])


ALLOWED_HOOK = "participation_machine_translation_allowed"


def allowed_for(consultation_key) -> bool:
    """Apps above say whether a consultation allows machine output (its AI switch), through
    the Wagtail hook ``fn(consultation_key) -> bool``; any "no" wins."""
    return all(check(consultation_key) for check in hooks.get_hooks(ALLOWED_HOOK))


def machine_translations_queue(*, contribution) -> list[int]:
    """Queue each public text of a published contribution for every target language other
    than its own. Returns the new request ids (none when machine translation is off); the
    caller hands them to the worker once the transaction commits (tasks.enqueue_batches)."""
    if not machine_translation_enabled() or not allowed_for(contribution.consultation_key):
        return []
    targets = machine_translation_settings()["TARGET_LANGUAGES"]
    content_type = ContentType.objects.get_for_model(contribution.model)
    ids = []
    for field_key, text in contribution.texts.items():
        for language in targets:
            if language == contribution.language or not (text or "").strip():
                continue
            try:
                with transaction.atomic():
                    row = Request.objects.create(
                        content_type=content_type,
                        object_id=contribution.object_id,
                        field_key=field_key,
                        source_language=contribution.language,
                        language=language,
                        text=text,
                    )
            except IntegrityError:
                continue  # already queued or translated
            ids.append(row.pk)
    return ids


def batches(ids: list[int]) -> list[list[int]]:
    size = max(1, int(machine_translation_settings()["BATCH_SIZE"]))
    return [ids[start : start + size] for start in range(0, len(ids), size)]


def _batch(request_ids: list[int]) -> list[Request]:
    """The requests asked for, topped up with other waiting ones to a full batch, so many
    comments published one by one still go to the service in few calls."""
    size = max(1, int(machine_translation_settings()["BATCH_SIZE"]))
    asked = list(Request.objects.filter(pk__in=request_ids).exclude(status=Status.DONE))
    if len(asked) < size:
        waiting = Request.objects.filter(status=Status.PENDING).exclude(pk__in=request_ids)
        asked += list(waiting.order_by("pk")[: size - len(asked)])
    return sorted(asked, key=lambda r: (r.source_language, r.language, r.pk))


def machine_translations_run(*, request_ids: list[int]) -> dict[str, int]:
    """Translate one batch: one call per (source, target) pair. A refused call marks its
    requests failed with the error and one more attempt; nothing is lost or half-stored."""
    backend = get_backend()
    outcome = {"done": 0, "failed": 0}
    if backend is None:
        return outcome
    rows = _batch(request_ids)

    def pair(row):
        return (row.source_language, row.language)

    for (source, target), group in groupby(rows, key=pair):
        group = list(group)
        try:
            texts = backend.translate([r.text for r in group], source=source, target=target)
        except TranslationError as error:
            Request.objects.filter(pk__in=[r.pk for r in group]).update(
                status=Status.FAILED,
                last_error=str(error)[:2000],
                engine=backend.name,
                attempts=F("attempts") + 1,
            )
            outcome["failed"] += len(group)
            continue
        for row, text in zip(group, texts, strict=True):
            store_machine_translation(
                request=row, text=text, engine=backend.name, version=backend.version
            )
        outcome["done"] += len(group)
    return outcome


def machine_translations_reopen_failed() -> list[int]:
    """Put failed requests that have attempts left back in the queue; returns their ids."""
    if not machine_translation_enabled():
        return []
    limit = machine_translation_settings()["MAX_ATTEMPTS"]
    ids = list(
        Request.objects.filter(status=Status.FAILED, attempts__lt=limit).values_list(
            "pk", flat=True
        )
    )
    if ids:
        Request.objects.filter(pk__in=ids).update(status=Status.PENDING)
    return ids
