"""``python -m analysis.engine.codebook``: embed the default codebook's phrases with the
installed sentence model and write ``data/vectors.npz`` (see ``vectors.py``)."""

from __future__ import annotations

from pathlib import Path

import numpy as np

from ..backends.e5 import E5Backend
from .vectors import FILE, codebook_phrases


def write() -> Path:
    backend = E5Backend()
    texts = codebook_phrases()
    vectors = backend.embed(texts).astype(np.float16)
    target = Path(__file__).parent / "data" / FILE
    np.savez_compressed(target, version=backend.version, texts=np.array(texts), vectors=vectors)
    return target


if __name__ == "__main__":
    print(write())
