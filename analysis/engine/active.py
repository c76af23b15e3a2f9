"""Which comments analysts should code next so the theme model improves fastest.

Uncertainty sampling (scores nearest the decision boundary) alone picks near-identical
comments; a greedy farthest-point pass over the most uncertain candidates keeps the batch varied.
"""

from __future__ import annotations

from collections.abc import Sequence

import numpy as np

from .languages import detect_languages
from .text import normalise
from .themes import build_theme_model
from .types import CodebookTheme, CodedExample, TextItem


def suggest_next_to_code(
    items: Sequence[TextItem],
    codebook: Sequence[CodebookTheme],
    coded: Sequence[CodedExample] = (),
    k: int = 20,
    *,
    backend: str | None = None,
) -> list[str]:
    """Ids of up to ``k`` not-yet-coded items, most informative and mutually different first."""
    done = {c.item.id for c in coded}
    todo = [it for it in items if it.id not in done]
    if not todo or k <= 0:
        return []
    model = build_theme_model(codebook, coded, backend=backend)
    texts = [normalise(it.text) for it in todo]
    langs = [g.code for g in detect_languages(texts, [it.declared_language for it in todo])]
    enc = model.encode(texts, langs)
    probs = model.score_encoded(enc)[0]
    # Closest any theme comes to 0.5, plus a bonus when no theme is confident at all.
    uncertainty = 1.0 - 2.0 * np.abs(probs - 0.5).min(axis=1)
    uncertainty += 0.25 * (probs.max(axis=1) < 0.5)
    candidates = np.argsort(-uncertainty)[: max(5 * k, 100)]
    x = enc[0][candidates]
    sims = (x @ x.T).toarray() if hasattr(x, "toarray") else np.asarray(x @ x.T)
    chosen = [0]
    nearest = sims[0].copy()
    while len(chosen) < min(k, len(candidates)):
        score = uncertainty[candidates] - nearest
        score[chosen] = -np.inf
        nxt = int(np.argmax(score))
        chosen.append(nxt)
        nearest = np.maximum(nearest, sims[nxt])
    return [todo[int(candidates[c])].id for c in chosen]
