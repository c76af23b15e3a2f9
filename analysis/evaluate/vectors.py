"""A disk cache of sentence vectors for evaluation runs (the product stores them in its own
database instead). Keyed by model version and text hash, in SQLite under ~/.cache."""

from __future__ import annotations

import os
import sqlite3
from pathlib import Path

import numpy as np

from analysis.engine.backends.e5 import E5Backend, vector_key


def cache_path() -> Path:
    root = Path(os.environ.get("CONSULT_EVAL_CACHE", Path.home() / ".cache" / "consult-eval"))
    root.mkdir(parents=True, exist_ok=True)
    return root / "vectors.sqlite3"


class CachedE5Backend(E5Backend):
    """``E5Backend`` whose vectors also persist across evaluation runs."""

    def encode(self, texts, languages=None, tokens=None, progress=None):
        todo = self.missing(texts)
        if todo:
            self._load(todo)
            todo = self.missing(texts)
        if todo:
            for start in range(0, len(todo), 512):
                chunk = todo[start : start + 512]
                vecs = self.embed(chunk)
                self.remember(chunk, vecs)
                self._save(chunk, vecs)
        return super().encode(texts, languages, tokens, progress)

    def _connect(self):
        db = sqlite3.connect(cache_path(), timeout=60)
        db.execute("CREATE TABLE IF NOT EXISTS v (k TEXT PRIMARY KEY, vec BLOB)")
        return db

    def _load(self, texts):
        keys = {f"{self.version}:{vector_key(t)}": t for t in texts}
        found_texts, found = [], []
        with self._connect() as db:
            items = list(keys)
            for start in range(0, len(items), 500):
                part = items[start : start + 500]
                marks = ",".join("?" * len(part))
                for k, blob in db.execute(f"SELECT k, vec FROM v WHERE k IN ({marks})", part):  # noqa: S608
                    found_texts.append(keys[k])
                    found.append(np.frombuffer(blob, dtype=np.float32))
        if found:
            self.remember(found_texts, found)

    def _save(self, texts, vecs):
        rows = [
            (f"{self.version}:{vector_key(t)}", v.tobytes())
            for t, v in zip(texts, vecs, strict=True)
        ]
        with self._connect() as db:
            db.executemany("INSERT OR REPLACE INTO v VALUES (?, ?)", rows)
