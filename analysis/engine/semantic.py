"""Taking the language out of multilingual sentence vectors.

A multilingual encoder puts "the city never answers my calls" in Korean and in Somali close
together, but every vector also carries an offset shared by all texts of its language: pool
nine languages' vectors of the same sentences and they cluster by language, not by topic.
``LanguageOffsets`` estimates that offset per language and removes it, so grouping and matching
follow meaning.

Each language's offset is estimated twice. The codebook gives a topic-balanced estimate: it
holds the same themes' names, descriptions and examples in every language, so the difference
between one language's mean phrase and the mean over languages is language, not topic. The
consultation's own comments give a second estimate, sharper when a language has many comments
but biased when one community wrote mostly about one subject (removing that offset would then
erase its topic). The two are blended, trusting the comments more the more there are.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass, field

import numpy as np

SHRINK = 40.0  # comments of one language at which its own mean weighs as much as the codebook's
CENTRE_SHRINK = 20.0  # the same for the centre: a handful of comments cannot define it alone


def _unit(x: np.ndarray) -> np.ndarray:
    return x / np.maximum(np.linalg.norm(x, axis=-1, keepdims=True), 1e-9)


def _language_means(vectors: np.ndarray, languages: Sequence[str | None]):
    rows = defaultdict(list)
    for i, lang in enumerate(languages):
        rows[lang or "und"].append(i)
    means = {lang: vectors[idx].mean(axis=0) for lang, idx in rows.items()}
    counts = {lang: len(idx) for lang, idx in rows.items()}
    return means, counts


@dataclass
class LanguageOffsets:
    """Per-language offsets and a centre; ``apply`` returns language-neutral unit vectors."""

    offsets: dict[str, np.ndarray] = field(default_factory=dict)
    centre: np.ndarray | None = None

    @classmethod
    def fit(
        cls,
        prior_vectors: np.ndarray,
        prior_languages: Sequence[str | None],
        vectors: np.ndarray | None = None,
        languages: Sequence[str | None] = (),
        shrink: float = SHRINK,
    ) -> LanguageOffsets:
        offsets: dict[str, np.ndarray] = {}
        prior_centre = None
        if len(prior_vectors):
            means, _ = _language_means(prior_vectors, prior_languages)
            prior_centre = np.mean(list(means.values()), axis=0)
            offsets = {lang: mean - prior_centre for lang, mean in means.items()}
        centre = prior_centre
        if vectors is not None and len(vectors):
            means, counts = _language_means(vectors, languages)
            corpus_centre = np.mean(list(means.values()), axis=0)
            for lang, mean in means.items():
                weight = counts[lang] / (counts[lang] + shrink)
                prior = offsets.get(lang)
                own = mean - corpus_centre
                offsets[lang] = own if prior is None else weight * own + (1 - weight) * prior
            # The centre is what every comment shares (the consultation's subject and e5's
            # common direction); removing it lets cosines spread over what differs.
            neutral = [means[lang] - offsets[lang] for lang in means]
            own_centre = np.mean(neutral, axis=0)
            weight = len(vectors) / (len(vectors) + CENTRE_SHRINK)
            centre = (
                own_centre
                if prior_centre is None
                else (weight * own_centre + (1 - weight) * prior_centre)
            )
        return cls(offsets, centre)

    def apply(self, vectors: np.ndarray, languages: Sequence[str | None]) -> np.ndarray:
        out = np.array(vectors, dtype=np.float32, copy=True)
        if not len(out):
            return out
        by_lang = defaultdict(list)
        for i, lang in enumerate(languages):
            by_lang[lang or "und"].append(i)
        for lang, rows in by_lang.items():
            offset = self.offsets.get(lang)
            if offset is not None:
                out[rows] -= offset.astype(np.float32)
        if self.centre is not None:
            out -= self.centre.astype(np.float32)
        return _unit(out)


class NeutralSentences:
    """A view backend: an embedding backend's vectors with the language offsets removed."""

    dense = True

    def __init__(self, backend, offsets: LanguageOffsets):
        self.backend = backend
        self.offsets = offsets
        self.name = backend.name

    def fit(self, texts, languages, tokens=None) -> None:
        """Offsets are fitted by ``build_theme_model``; the encoder itself learns nothing."""

    def raw(self, texts, languages, tokens=None) -> np.ndarray:
        return self.backend.encode(texts, languages, tokens)

    def encode(self, texts, languages, tokens=None) -> np.ndarray:
        return self.offsets.apply(self.raw(texts, languages, tokens), languages)
