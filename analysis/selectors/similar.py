"""Comments that say the same thing in any language, for moderators and analysts handling
copies and campaigns together. Uses the stored multilingual sentence vectors (e5, see
analysis/services/vectors.py): a Somali and an English comment with the same point sit close
together. Nothing is embedded here: a text without a stored vector (not yet embedded by the
worker) has no neighbours to show, and the web process never loads the model."""

from __future__ import annotations

import numpy as np

from analysis.models.runs import AnalysisRun
from analysis.selectors.vectors import stored_vectors

SIMILAR_THRESHOLD = 0.88  # cosine; e5 puts paraphrases across languages above ~0.88
POOL = 5000  # newest items compared, so a screen stays quick on a large consultation


def _e5():
    from analysis.engine.backends.e5 import model_version, sentence_model_available, vector_key

    return model_version, sentence_model_available, vector_key


def similar_items(
    *, run: AnalysisRun | None, key: tuple[int, int, str], text: str, limit: int = 5,
    threshold: float = SIMILAR_THRESHOLD,
) -> list[dict] | None:  # fmt: skip
    """Up to `limit` items of `run` closest in meaning to `text`, any language, best first:
    [{"item", "score"}]. None when there is nothing to compare with (no run, no sentence
    model, or no stored vector for this text yet)."""
    model_version, available, vector_key = _e5()
    if run is None or not text or not available():
        return None
    version = model_version()
    target = stored_vectors(version=version, hashes=[vector_key(text)]).get(vector_key(text))
    if target is None:
        return None
    content_type_id, object_id, field_key = key
    pool = list(
        run.items.exclude(content_type_id=content_type_id, object_id=object_id)
        .only("pk", "ref", "language", "text", "content_type_id", "object_id", "field_key")
        .order_by("-pk")[:POOL]
    )
    keys = {item.pk: vector_key(item.text) for item in pool}
    vectors = stored_vectors(version=version, hashes=set(keys.values()))
    found = []
    unit = target / (np.linalg.norm(target) or 1.0)
    for item in pool:
        vector = vectors.get(keys[item.pk])
        if vector is None:
            continue
        score = float(np.dot(unit, vector / (np.linalg.norm(vector) or 1.0)))
        if score >= threshold:
            found.append({"item": item, "score": score})
    found.sort(key=lambda row: -row["score"])
    return found[:limit]
