"""``run_analysis``: the whole analysis of one consultation, stage by stage, with timings."""

from __future__ import annotations

import time
from collections import Counter
from collections.abc import Callable, Sequence
from dataclasses import dataclass, fields

import numpy as np

from .backends import resolve_backend
from .codebook import default_codebook
from .duplicates import near_duplicate_groups
from .emergent import find_emergent_themes
from .languages import detect_languages
from .stance import stances as compute_stances
from .summaries import summarise_theme
from .text import normalise, single_threaded_numerics
from .themes import ThemeModel, build_theme_model
from .tokenize import stem_tokens, tokenize_many
from .types import (
    ENGINE_VERSION,
    AnalysisOptions,
    AnalysisResult,
    Assignment,
    CodebookTheme,
    CodedExample,
    TextItem,
)

Progress = Callable[[str, int, int], None]


class _Stages:
    def __init__(self, progress: Progress | None, total: int):
        self.timings: dict[str, float] = {}
        self.progress = progress
        self.total = total
        self._start = time.perf_counter()

    def done(self, name: str) -> None:
        now = time.perf_counter()
        self.timings[name] = round(now - self._start, 4)
        self._start = now
        if self.progress:
            self.progress(name, self.total, self.total)


def _score_corpus(model: ThemeModel, ids, texts, langs, tokens, progress, covered_at, chunk=4096):
    """Assignments, a "covered" flag per item and the last view's vectors of uncovered items.

    The vectors come back as a matrix (dense views) or as a function of row numbers that
    encodes those rows on demand (sparse hashed views), so 100k wide rows are never held at once.
    """
    import scipy.sparse as sp

    n = len(texts)
    assignments: list[Assignment] = []
    covered = np.zeros(n, dtype=bool)
    kept = []
    for start in range(0, n, chunk):
        stop = min(start + chunk, n)
        enc = model.encode(texts[start:stop], langs[start:stop], tokens[start:stop])
        scores, best_idx = model.score_with_reasons(enc)
        assignments += model.assignments_from_scores(ids[start:stop], scores, best_idx)
        if scores.shape[1]:
            covered[start:stop] = scores.max(axis=1) >= covered_at
        if not sp.issparse(enc[-1]):  # dense embeddings are small: keep them
            kept.append(enc[-1][np.flatnonzero(~covered[start:stop])])
        if progress:
            progress("assign", stop, n)
    if kept:
        return assignments, covered, np.vstack(kept)
    # Sparse hashed vectors are wide: re-encode each emergent-theme group when it is needed.
    uncovered = np.flatnonzero(~covered)
    backend = model.views[-1].backend

    def vectors(rows):
        take = uncovered[np.asarray(rows, dtype=np.int64)]
        return backend.encode(
            [texts[i] for i in take], [langs[i] for i in take], [tokens[i] for i in take]
        )

    return assignments, covered, vectors


def _embed(backend, items, texts, progress) -> dict:
    """Hand the backend the vectors stored with the items and embed only the rest, reporting
    progress as "embed"; returns the new vectors by item id so the caller can store them."""
    if not getattr(backend, "dense", False):
        return {}
    stored = [(t, it.vector) for t, it in zip(texts, items, strict=True) if it.vector is not None]
    if stored:
        backend.remember([t for t, _ in stored], [v for _, v in stored])
    todo = backend.missing(texts)
    if todo:
        report = (lambda done, total: progress("embed", done, total)) if progress else None
        backend.remember(todo, backend.embed(todo, report))
    if not any(it.vector is None for it in items):
        return {}
    fresh = [i for i, it in enumerate(items) if it.vector is None]
    vectors = backend.encode([texts[i] for i in fresh])
    return {items[i].id: vectors[k] for k, i in enumerate(fresh)}


def run_analysis(
    items: Sequence[TextItem],
    codebook: Sequence[CodebookTheme] | None = None,
    coded: Sequence[CodedExample] = (),
    *,
    options: AnalysisOptions | None = None,
    progress: Callable[[str, int, int], None] | None = None,
) -> AnalysisResult:
    """Analyse a consultation's comments: languages, themes, stance, emergent themes, summaries.

    Pure function of its inputs (plus ``options.random_state``); it never touches the network
    or a database, so the web app runs it in a background task and stores the result.
    """
    with single_threaded_numerics():
        return _run_analysis(items, codebook, coded, options, progress)


@dataclass
class _Corpus:
    """What every stage reads: the items and their normalised text, languages and tokens."""

    items: list[TextItem]
    ids: list
    texts: list[str]
    langs: list[str]
    surface: list[list[str]]
    tokens: list[list[str]]


def _run_analysis(items, codebook, coded, options, progress) -> AnalysisResult:
    options = options or AnalysisOptions()
    codebook = list(default_codebook() if codebook is None else codebook)
    items = list(items)
    stages = _Stages(progress, len(items))
    corpus, guesses, groups = _prepare(items, options, stages)
    backend = resolve_backend(options.backend)
    new_vectors = _embed(backend, items, corpus.texts, progress)
    stages.done("embed")
    model = build_theme_model(
        codebook,
        coded,
        backend=backend,
        corpus=(corpus.texts, corpus.langs, corpus.tokens),
        min_confidence=options.min_confidence,
        max_themes=options.max_themes_per_item,
    )
    model.review_above = options.review_band[1]
    stages.done("model")
    assignments, covered, vectors = _score_corpus(
        model,
        corpus.ids,
        corpus.texts,
        corpus.langs,
        corpus.tokens,
        progress,
        options.covered_threshold,
    )
    members, centrality = _members(codebook, assignments, corpus.ids)
    stages.done("assign")
    stance_results = compute_stances(items, corpus.langs)
    stages.done("stance")
    emergent = []
    if options.emergent and items:
        emergent, closeness = _emergent(corpus, covered, vectors, model, options)
        assignments += _add_emergent(corpus, emergent, closeness, members, centrality)
    stages.done("emergent")
    names = {t.key: t.name for t in codebook} | {t.key: t.label for t in emergent}
    summaries = _summaries(corpus, members, centrality, names, stance_results, groups, options)
    stages.done("summaries")
    return AnalysisResult(
        languages=dict(zip(corpus.ids, guesses, strict=True)),
        assignments=assignments,
        stances=stance_results,
        emergent_themes=emergent,
        duplicate_groups=groups,
        summaries=summaries,
        timings=stages.timings,
        parameters=_parameters(options, backend, model, len(items), len(coded), len(codebook)),
        new_vectors=new_vectors,
    )


def _prepare(items, options, stages):
    """Normalise, detect languages, group near-duplicates and tokenise: once, for every stage."""
    texts = [normalise(it.text) for it in items]
    stages.done("normalise")
    guesses = detect_languages(texts, [it.declared_language for it in items])
    langs = [g.code for g in guesses]
    stages.done("languages")
    groups = near_duplicate_groups(
        items, options.near_duplicate_threshold, options.random_state, texts=texts
    )
    stages.done("duplicates")
    surface = tokenize_many(texts, langs, stem=False)
    tokens = [stem_tokens(t, lang) for t, lang in zip(surface, langs, strict=True)]
    stages.done("tokenize")
    ids = [it.id for it in items]
    return _Corpus(items, ids, texts, langs, surface, tokens), guesses, groups


def _members(codebook, assignments, ids):
    """Rows of each codebook theme and each row's confidence (its closeness for quoting)."""
    members: dict[str, list[int]] = {t.key: [] for t in codebook}
    centrality: dict[str, dict[int, float]] = {t.key: {} for t in codebook}
    index = {item_id: i for i, item_id in enumerate(ids)}
    for a in assignments:
        row = index[a.item_id]
        members[a.theme_key].append(row)
        centrality[a.theme_key][row] = a.confidence
    return members, centrality


def _add_emergent(corpus: _Corpus, emergent, closeness, members, centrality) -> list[Assignment]:
    """Record the emergent themes' rows beside the codebook's; return their assignments."""
    index = {item_id: i for i, item_id in enumerate(corpus.ids)}
    added = []
    for theme in emergent:
        members[theme.key] = [index[i] for i in theme.item_ids]
        centrality[theme.key] = {index[i]: closeness[i] for i in theme.item_ids}
        added += [
            Assignment(i, theme.key, round(closeness[i], 4), ("clustered",), "emergent", True)
            for i in theme.item_ids
        ]
    return added


def _emergent(corpus: _Corpus, covered, vectors, model, options):
    """Themes no codebook entry covers, found among the comments the codebook left uncovered;
    each with the closeness of its comments to the theme's centre."""
    rows = np.flatnonzero(~covered)
    items = corpus.items
    return find_emergent_themes(
        [corpus.ids[i] for i in rows],
        [corpus.langs[i] for i in rows],
        [items[i].meta.get(options.group_by) if options.group_by else None for i in rows],
        vectors,
        [corpus.surface[i] for i in rows],
        theme_centroids=model.views[-1].centroids,
        theme_keys=model.keys,
        min_cluster_size=options.min_cluster_size,
        max_clusters=options.max_clusters_per_group,
        random_state=options.random_state,
        texts=[items[i].text for i in rows],
        analyst_language=options.analyst_language,
    )


def _summaries(corpus, members, centrality, names, stance_results, groups, options):
    background = Counter()
    for toks in corpus.surface:
        background.update(set(toks))
    dup_of = {i: g.exemplar_id for g in groups for i in g.item_ids}
    return [
        summarise_theme(
            key,
            names[key],
            rows_of,
            corpus.items,
            corpus.langs,
            stance_results,
            corpus.surface,
            background,
            centrality[key],
            dup_of,
            options.quotes_per_theme,
            corpus.ids,
        )
        for key, rows_of in members.items()
        if rows_of
    ]


def _parameters(options, backend, model, n_items, n_coded, n_codebook) -> dict:
    """What the run was made with, stored beside its results so a report can name it."""
    parameters = {f.name: getattr(options, f.name) for f in fields(options)}
    if options.backend is not None and not isinstance(options.backend, str):
        parameters["backend"] = getattr(options.backend, "name", type(options.backend).__name__)
    return parameters | {
        "sentence_model": getattr(backend, "version", None),
        "engine_version": ENGINE_VERSION,
        "backends": [v.backend.name for v in model.views],
        "n_items": n_items,
        "n_coded": n_coded,
        "n_codebook_themes": n_codebook,
    }
