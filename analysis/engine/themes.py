"""Assigning comments to codebook themes, and learning from analysts' coding.

Two sources of evidence are combined per theme:

* codebook similarity: how close a comment is to the theme's name, description and example
  phrases (in every language), turned into a probability by a small calibrator;
* a classifier trained on the comments analysts have coded for this consultation.

The more coded examples a theme has, the more its score leans on the classifier. The model is
plain Python + numpy/scipy objects, so it pickles and can be cached by the web app.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field

import numpy as np
import scipy.sparse as sp

from .backends import TextBackend, resolve_backend
from .backends.hashing import HashingBackend
from .languages import canonical_language, detect_languages
from .learning import train_classifier
from .matrices import dense as _dense
from .matrices import hstack_csr as _stack
from .semantic import LanguageOffsets, NeutralSentences
from .text import normalise
from .tokenize import tokenize_many
from .types import Assignment, CodebookTheme, CodedExample, TextItem

CHUNK = 4096
LEARNED_PRIOR = 3.0  # coded positives at which classifier and codebook weigh the same


@dataclass
class Calibrator:
    """Logistic map from per-(comment, theme) similarity features to a match probability."""

    coef: np.ndarray
    intercept: float

    def predict(self, feats: np.ndarray) -> np.ndarray:
        z = feats @ self.coef + self.intercept
        return 1.0 / (1.0 + np.exp(-np.clip(z, -30, 30)))


# Fitted by `python -m analysis.evaluate calibrate` (logistic regression over the decided pairs
# of ArgKP-2021's *train* split; dev is never seen). Features per view: best prototype cosine,
# centroid cosine, lead over the best other theme; then "is the top theme".
WORDS_CALIBRATOR = ([3.915, 3.915, 8.425, 0.68], -1.831)
SHIPPED_CALIBRATOR = ([3.806, 3.806, 5.415, 0.084, 0.084, 4.315, 0.478], -1.458)


def default_calibrator(views) -> Calibrator:
    """The shipped calibrator for these views: words only, or words + the sentence view."""
    dense = sum(bool(getattr(v.backend, "dense", False)) for v in views)
    coef, intercept = SHIPPED_CALIBRATOR if dense and len(views) == 2 else WORDS_CALIBRATOR
    if len(coef) != 3 * len(views) + 1:
        raise ValueError("no shipped calibrator for this combination of views; fit one")
    return Calibrator(coef=np.array(coef), intercept=intercept)


def _margin(best: np.ndarray) -> np.ndarray:
    """Lead of each theme over the best *other* theme (positive only for the top theme)."""
    if best.shape[1] < 2:
        return np.zeros_like(best)
    part = -np.sort(-best, axis=1)
    top1, top2 = part[:, :1], part[:, 1:2]
    return best - np.where(best >= top1, top2, top1)


@dataclass
class _View:
    backend: TextBackend
    prototypes: object  # (P, D) normalised
    centroids: object  # (T, D) normalised
    prototypes_t: object = None  # (D, P), kept transposed so products need no conversion
    centroids_t: object = None

    def __post_init__(self):
        if self.prototypes_t is None:
            self.prototypes_t = _transpose(self.prototypes)
            self.centroids_t = _transpose(self.centroids)

    def similarities(self, x) -> tuple[np.ndarray, np.ndarray]:
        """Dense (n, P) cosines to prototypes and (n, T) to theme centroids.

        For sparse views only the few thousand columns the prototypes use matter, so rows are
        cut down to those columns and multiplied with a small dense matrix: much faster than a
        sparse-by-sparse product over the whole hashed space.
        """
        if not sp.issparse(x):
            return _dense(x @ self.prototypes_t), _dense(x @ self.centroids_t)
        cols, remap, dense = self._reduced()
        x = sp.csr_matrix(x)
        mapped = remap[x.indices]
        keep = mapped >= 0
        counts = np.cumsum(np.concatenate([[0], keep]))[x.indptr]
        small = sp.csr_matrix((x.data[keep], mapped[keep], counts), shape=(x.shape[0], len(cols)))
        both = small @ dense
        n_protos = self.prototypes_t.shape[1]
        return both[:, :n_protos], both[:, n_protos:]

    def _reduced(self):
        cached = self.__dict__.get("_reduced_cache")
        if cached is None:
            both = sp.hstack([self.prototypes_t, self.centroids_t], format="csr")
            cols = np.flatnonzero(np.diff(both.indptr) > 0)
            remap = np.full(both.shape[0], -1, dtype=np.int64)
            remap[cols] = np.arange(len(cols))
            dense = both[cols].toarray().astype(np.float32)
            cached = self.__dict__["_reduced_cache"] = (cols, remap, dense)
        return cached

    def __getstate__(self):
        state = self.__dict__.copy()
        state.pop("_reduced_cache", None)
        return state


def _transpose(m):
    return m.T.tocsr() if sp.issparse(m) else np.ascontiguousarray(m.T)


@dataclass
class ThemeModel:
    themes: list[CodebookTheme]
    views: list[_View]
    proto_theme: np.ndarray
    proto_text: list[str]
    calibrator: Calibrator
    weights: np.ndarray | None = None  # (T+extra, D_all) sparse classifier weights
    bias: np.ndarray | None = None
    exclusive: bool = False
    coded_positives: np.ndarray = field(default_factory=lambda: np.zeros(0))
    min_confidence: float = 0.5
    max_themes: int = 3
    review_above: float = 0.65  # below this a kept assignment is marked for review

    @property
    def keys(self) -> list[str]:
        return [t.key for t in self.themes]

    def encode(self, texts, languages, tokens=None) -> list:
        return [v.backend.encode(texts, languages, tokens) for v in self.views]

    def pair_features(self, encoded: list, return_best: bool = False):
        """(n, T, F) similarity features for every comment/theme pair; see ``Calibrator``.

        With ``return_best`` also the index of the closest prototype per pair (first view).
        """
        n_themes = len(self.themes)
        feats = []
        total = None
        best_idx = None
        for view, x in zip(self.views, encoded, strict=True):
            sims, cent = view.similarities(x)
            best = np.full((sims.shape[0], n_themes), -1.0, dtype=np.float32)
            want_idx = return_best and best_idx is None
            if want_idx:
                best_idx = np.full((sims.shape[0], n_themes), -1, dtype=np.int64)
            for t, cols in enumerate(self._theme_columns):
                if len(cols):
                    sub = sims[:, cols]
                    arg = sub.argmax(axis=1)
                    best[:, t] = sub[np.arange(len(arg)), arg]
                    if want_idx:
                        best_idx[:, t] = cols[arg]
            cent = cent.astype(np.float32)
            gap = _margin(best)
            feats += [best, cent, gap]
            total = best if total is None else total + best
        is_best = (total == total.max(axis=1, keepdims=True)).astype(np.float32)
        out = np.stack(feats + [is_best], axis=2)
        return (out, best_idx) if return_best else out

    @property
    def _theme_columns(self) -> list[np.ndarray]:
        cols = self.__dict__.get("_cols")
        if cols is None:
            cols = [np.flatnonzero(self.proto_theme == t) for t in range(len(self.themes))]
            self.__dict__["_cols"] = cols
        return cols

    def _learned(self, encoded: list) -> np.ndarray | None:
        if self.weights is None:
            return None
        x = _stack(encoded)
        z = _dense(x @ self.weights.T) + self.bias
        if self.exclusive:
            z = z - z.max(axis=1, keepdims=True)
            p = np.exp(z)
            p /= p.sum(axis=1, keepdims=True)
            return p[:, : len(self.themes)]
        return 1.0 / (1.0 + np.exp(-np.clip(z, -30, 30)))

    def score_encoded(
        self, encoded: list, feats: np.ndarray | None = None
    ) -> tuple[np.ndarray, np.ndarray, np.ndarray | None]:
        """(combined, codebook, learned) probabilities, each (n, T)."""
        if not self.themes:
            empty = np.zeros((encoded[0].shape[0], 0), dtype=np.float32)
            return empty, empty, None
        if feats is None:
            feats = self.pair_features(encoded)
        codebook = self.calibrator.predict(feats)
        learned = self._learned(encoded)
        if learned is None:
            return codebook, codebook, None
        w = self.coded_positives / (self.coded_positives + LEARNED_PRIOR)
        return w * learned + (1 - w) * codebook, codebook, learned

    def scores(
        self, texts: Sequence[str], languages: Sequence[str | None], tokens=None
    ) -> np.ndarray:
        """Combined probabilities (n, T) for many texts, in chunks to bound memory."""
        out = []
        for start in range(0, len(texts), CHUNK):
            stop = start + CHUNK
            toks = tokens[start:stop] if tokens is not None else None
            enc = self.encode(texts[start:stop], languages[start:stop], toks)
            out.append(self.score_encoded(enc)[0])
        return np.vstack(out) if out else np.zeros((0, len(self.themes)))

    def assignments_from_scores(
        self, item_ids: Sequence[str], combined: np.ndarray, encoded_best: np.ndarray | None = None
    ) -> list[Assignment]:
        """Assignments above ``min_confidence`` (best first, at most ``max_themes`` per item).

        Vectorised over the whole chunk; only the kept pairs touch Python objects, and the
        "why" tuples are shared between pairs with the same theme and closest example.
        """
        out: list[Assignment] = []
        if not len(item_ids) or not combined.shape[1]:
            return out
        keys = self.keys
        w = self.coded_positives / (self.coded_positives + LEARNED_PRIOR)
        k = min(self.max_themes, combined.shape[1])
        order = np.argsort(-combined, axis=1, kind="stable")[:, :k]
        values = np.take_along_axis(combined, order, axis=1)
        keep = values >= self.min_confidence
        keep &= np.cumprod(keep, axis=1).astype(bool)  # stop at the first miss, as before
        why_cache: dict[tuple[int, int], tuple[str, ...]] = {}
        for i, j in zip(*np.nonzero(keep), strict=True):
            t = int(order[i, j])
            proto = int(encoded_best[i, t]) if encoded_best is not None else -1
            why = why_cache.get((t, proto))
            if why is None:
                why = why_cache[(t, proto)] = self._why(t, None if proto < 0 else encoded_best[i])
            source = "learned" if self.weights is not None and w[t] >= 0.5 else "codebook"
            value = round(float(values[i, j]), 4)
            flag = value < self.review_above
            out.append(Assignment(item_ids[i], keys[t], value, why, source, flag))
        return out

    def _why(self, t: int, best_proto: np.ndarray | None) -> tuple[str, ...]:
        reasons = []
        if best_proto is not None and best_proto[t] >= 0:
            reasons.append(f"similar to: {self.proto_text[int(best_proto[t])]}")
        n = int(self.coded_positives[t]) if len(self.coded_positives) else 0
        if n:
            reasons.append(f"learned from {n} coded comments")
        return tuple(reasons)

    def score_with_reasons(self, encoded: list) -> tuple[np.ndarray, np.ndarray]:
        """Combined probabilities and closest prototype per pair, from one similarity pass."""
        if not self.themes:
            n = encoded[0].shape[0]
            return np.zeros((n, 0)), np.zeros((n, 0), dtype=np.int64)
        feats, best_idx = self.pair_features(encoded, return_best=True)
        return self.score_encoded(encoded, feats)[0], best_idx

    def assign(self, item: TextItem, language: str | None = None) -> list[Assignment]:
        """Theme one new comment (used at submit time; a few milliseconds)."""
        text = normalise(item.text)
        lang = language or detect_languages([text], [item.declared_language])[0].code
        combined, best_idx = self.score_with_reasons(self.encode([text], [lang]))
        return self.assignments_from_scores([item.id], combined, best_idx)


def _prototypes(codebook: Sequence[CodebookTheme]) -> tuple[list[str], list[str | None], list]:
    texts, langs, owner = [], [], []
    for t_idx, theme in enumerate(codebook):
        entries: list[tuple[str, str | None]] = [(theme.name, "en"), (theme.description, "en")]
        entries += [(v, k) for k, v in theme.names.items()]
        entries += [(v, k) for k, v in theme.descriptions.items()]
        for lang, phrases in theme.examples.items():
            entries += [(p, lang) for p in phrases]
        seen = set()
        for text, lang in entries:
            text = normalise(text)
            if text and text not in seen:
                seen.add(text)
                texts.append(text)
                langs.append(canonical_language(lang))
                owner.append(t_idx)
    return texts, langs, owner


def _neutral(backend, texts, langs, corpus):
    """A dense embedding backend is wrapped so its vectors lose their language offsets (see
    ``semantic.py``), fitted on the codebook's phrases and the consultation's comments."""
    if not getattr(backend, "dense", False) or isinstance(backend, NeutralSentences):
        return backend
    prior = backend.encode(texts, langs)
    c_texts, c_langs = list(corpus[0]), list(corpus[1])
    own = backend.encode(c_texts, c_langs) if c_texts else None
    return NeutralSentences(backend, LanguageOffsets.fit(prior, langs, own, c_langs))


def _centroids(protos, owner: np.ndarray, n_themes: int):
    rows = []
    for t in range(n_themes):
        m = protos[owner == t]
        c = np.asarray(m.mean(axis=0)).ravel() if m.shape[0] else np.zeros(protos.shape[1])
        rows.append(c / max(np.linalg.norm(c), 1e-9))
    c = np.vstack(rows).astype(np.float32) if rows else np.zeros((0, protos.shape[1]), np.float32)
    return sp.csr_matrix(c) if sp.issparse(protos) else c


def build_theme_model(
    codebook: Sequence[CodebookTheme],
    coded: Sequence[CodedExample] = (),
    *,
    backend: TextBackend | str | None = None,
    corpus: tuple[Sequence[str], Sequence[str | None], Sequence[Sequence[str]] | None]
    | None = None,
    calibrator: Calibrator | None = None,
    min_confidence: float = 0.5,
    max_themes: int = 3,
) -> ThemeModel:
    """Build a picklable model from a codebook and (optionally) analysts' coded examples.

    ``backend`` adds a second representation (e.g. an embedding model) next to the built-in
    hashing one. ``corpus`` (texts, languages, tokens) lets IDF weights reflect the consultation.
    """
    themes = list(codebook)
    texts, langs, owner_list = _prototypes(themes)
    owner = np.array(owner_list, dtype=np.int64)
    backends: list[TextBackend] = [HashingBackend()]
    backend = resolve_backend(backend)
    if backend is not None:
        backends.append(backend)
    fit_texts = list(texts) + [normalise(c.item.text) for c in coded]
    fit_langs = list(langs) + [canonical_language(c.item.declared_language) for c in coded]
    fit_tokens = None
    if corpus is not None:
        c_texts, c_langs, c_tokens = corpus
        base_tokens = tokenize_many(fit_texts, fit_langs)
        fit_tokens = base_tokens + list(c_tokens) if c_tokens is not None else None
        fit_texts += list(c_texts)
        fit_langs += list(c_langs)
    for b in backends:
        b.fit(fit_texts, fit_langs, fit_tokens)
    own = (fit_texts[len(texts) :], fit_langs[len(texts) :])
    backends = [_neutral(b, texts, langs, own) for b in backends]
    views, enc_protos = [], []
    for b in backends:
        protos = b.encode(texts, langs)
        enc_protos.append(protos)
        views.append(_View(b, protos, _centroids(protos, owner, len(themes))))
    model = ThemeModel(
        themes=themes,
        views=views,
        proto_theme=owner,
        proto_text=texts,
        calibrator=calibrator or default_calibrator(views),
        coded_positives=np.zeros(len(themes)),
        min_confidence=min_confidence,
        max_themes=max_themes,
    )
    if coded:
        train_classifier(model, coded, texts, langs, enc_protos)
    return model
