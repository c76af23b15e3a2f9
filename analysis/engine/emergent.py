"""Themes nobody put in the codebook: clusters among the comments no codebook theme covers.

With the semantic view (language-neutral sentence vectors, see ``semantic.py``) all languages
are clustered together, so one theme holds the Korean, Somali and English comments that say
the same thing. With words only, clustering has to run per language (bag-of-words vectors only
compare within one) and clusters are linked afterwards when they point at the same codebook
theme. Either way a theme is named by a readable phrase (``labels.py``), not a keyword list.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Sequence

import numpy as np
import scipy.sparse as sp

from .labels import theme_labels
from .matrices import dense as _dense
from .types import EmergentTheme

NOISE = -1
LINK_SIMILARITY = 0.2
CROSS_LANGUAGE_LINK = 0.85
SVD_SAMPLE = 2000
SVD_COMPONENTS = 48
KMEANS_SAMPLE = 4000
SILHOUETTE_SAMPLE = 1000
AGGLOMERATIVE_SAMPLE = 3000  # O(n^2) memory: 3,000 rows is about 70 MB of distances


def _columns(x: sp.csr_matrix, cols: np.ndarray) -> sp.csr_matrix:
    """``x[:, cols]`` for sorted ``cols`` via a look-up table (much faster on wide matrices)."""
    remap = np.full(x.shape[1], -1, dtype=np.int64)
    remap[cols] = np.arange(len(cols))
    mapped = remap[x.indices]
    keep = mapped >= 0
    indptr = np.cumsum(np.concatenate([[0], keep]))[x.indptr]
    return sp.csr_matrix((x.data[keep], mapped[keep], indptr), shape=(x.shape[0], len(cols)))


def _sample_rows(n: int, size: int) -> np.ndarray:
    return np.arange(n) if n <= size else np.linspace(0, n - 1, size).astype(np.int64)


def _reduce(x, random_state: int) -> np.ndarray:
    """Dense, unit-length rows for k-means: LSA (truncated SVD) of the group's vectors.

    The SVD basis is learnt on an evenly spaced sample of at most ``SVD_SAMPLE`` rows and every
    row is projected on it, so a 40k-comment group costs little more than a 2k one.
    """
    if sp.issparse(x):
        from sklearn.decomposition import TruncatedSVD

        x = sp.csr_matrix(x)
        sample = _sample_rows(x.shape[0], SVD_SAMPLE)
        # Only features shared by two sampled rows can shape a topic; hashed spaces are mostly
        # empty or one-off columns, and dropping them makes the SVD several times cheaper.
        df = np.bincount(x[sample].indices, minlength=x.shape[1])
        cols = np.flatnonzero(df >= 2)
        if len(cols) < 3:
            cols = np.flatnonzero(df)
        x = _columns(x, cols)
        n_comp = max(2, min(SVD_COMPONENTS, len(sample) - 1, x.shape[1] - 1))
        svd = TruncatedSVD(n_comp, n_iter=3, random_state=random_state).fit(x[sample])
        x = svd.transform(x)
    x = np.asarray(x, dtype=np.float32)
    return x / np.maximum(np.linalg.norm(x, axis=1, keepdims=True), 1e-9)


def _best_kmeans(z: np.ndarray, max_clusters: int, min_cluster_size: int, random_state: int):
    """k-means with k chosen by the cosine silhouette on (a sample of) the rows.

    Candidate k (2-6, 8, 10, ...) run up to ``max_clusters`` (and no more than one cluster per
    ``min_cluster_size`` rows); the silhouette is computed on at most ``SILHOUETTE_SAMPLE``
    rows (fitted and scored there) and only the chosen k is fitted on the full sample, so
    choosing k stays cheap on large groups.
    """
    from sklearn.cluster import KMeans
    from sklearn.metrics import silhouette_score

    n = z.shape[0]
    top = int(min(max_clusters, max(2, n // max(min_cluster_size, 1))))
    small = z[_sample_rows(n, SILHOUETTE_SAMPLE)]
    best_k, best_score = 2, -np.inf
    for k in sorted({k for k in (2, 3, 4, 5, 6, 8, 10, 12, 16, 20) if k <= top} | {top}):
        km = KMeans(k, random_state=random_state, n_init=1, max_iter=50).fit(small)
        if len(set(km.labels_.tolist())) < 2:
            continue
        score = silhouette_score(small, km.labels_, metric="cosine")
        if score > best_score:
            best_k, best_score = k, score
    return KMeans(best_k, random_state=random_state, n_init=2, max_iter=100).fit(z)


def cluster_vectors(
    x, *, min_cluster_size: int = 5, max_clusters: int = 12, random_state: int = 0
) -> tuple[np.ndarray, np.ndarray]:
    """Cluster labels (``NOISE`` for outliers) and each row's cosine to its cluster centre.

    k is chosen by silhouette (``_best_kmeans``); members far from their centre (below the
    group's 25th percentile and under 0.5) and clusters smaller than ``min_cluster_size`` are
    treated as noise, so "fits no theme" stays possible.
    """
    n = x.shape[0]
    labels = np.full(n, NOISE, dtype=np.int64)
    cos = np.zeros(n, dtype=np.float32)
    if n < max(2 * min_cluster_size, 4):
        return labels, cos
    if not sp.issparse(x):
        return _cluster_sentences(np.asarray(x, dtype=np.float32), min_cluster_size, max_clusters)
    z = _reduce(x, random_state)
    # Centres are found on an evenly spaced sample; every row then joins its nearest centre.
    # Themes big enough to matter are well represented in a few thousand comments.
    sample = z[_sample_rows(n, KMEANS_SAMPLE)]
    km = _best_kmeans(sample, max_clusters, min_cluster_size, random_state)
    centres = km.cluster_centers_ / np.maximum(
        np.linalg.norm(km.cluster_centers_, axis=1, keepdims=True), 1e-9
    )
    sims = z @ centres.T.astype(np.float32)
    labels = sims.argmax(axis=1).astype(np.int64)
    cos = sims[np.arange(n), labels]
    cutoff = min(float(np.quantile(cos, 0.25)), 0.5)
    labels[cos < cutoff] = NOISE
    for c, size in Counter(labels[labels != NOISE]).items():
        if size < min_cluster_size:
            labels[labels == c] = NOISE
    return labels, cos


def _cluster_sentences(z: np.ndarray, min_cluster_size: int, max_clusters: int):
    """Language-neutral sentence vectors: average-linkage agglomerative clustering on cosine
    distance, k = sqrt(n / 2) clamped to [2, max_clusters], centres from an evenly spaced
    sample when n is large (every row then joins its nearest centre).

    Chosen on ArgKP's train split over k-means and silhouette-chosen k (see
    docs/analysis-method.md). Only clusters under ``min_cluster_size`` become "fits no theme":
    cutting far members as the word view does cost more agreement than it bought.
    """
    from sklearn.cluster import AgglomerativeClustering

    n = z.shape[0]
    # What every comment of this group shares (the question's subject) says nothing about
    # which point a comment makes: centre the group before comparing directions.
    z = z - z.mean(axis=0)
    z /= np.maximum(np.linalg.norm(z, axis=1, keepdims=True), 1e-9)
    k = int(np.clip(round(np.sqrt(n / 2)), 2, max_clusters))
    sample = _sample_rows(n, AGGLOMERATIVE_SAMPLE)
    found = AgglomerativeClustering(k, metric="cosine", linkage="average").fit_predict(z[sample])
    centres = np.vstack([z[sample][found == c].mean(axis=0) for c in range(k)])
    centres /= np.maximum(np.linalg.norm(centres, axis=1, keepdims=True), 1e-9)
    sims = z @ centres.T
    labels = sims.argmax(axis=1).astype(np.int64)
    if len(sample) == n:
        labels = found.astype(np.int64)
    cos = sims[np.arange(n), labels].astype(np.float32)
    for c, size in Counter(labels.tolist()).items():
        if size < min_cluster_size:
            labels[labels == c] = NOISE
    return labels, cos


def key_phrases(
    cluster_tokens: Sequence[Sequence[str]], background: Counter, n_docs: int, top: int = 5
) -> list[str]:
    """Class-based TF-IDF: words frequent in the cluster and rare in the background."""
    tf = Counter()
    for toks in cluster_tokens:
        tf.update(set(toks))
    scored = []
    for word, count in tf.items():
        if count < 2 and len(cluster_tokens) > 3:
            continue
        idf = np.log(1 + n_docs / (1 + background.get(word, 0)))
        scored.append((count * idf, word))
    scored.sort(reverse=True)
    return [w.replace("_", " ") for _, w in scored[:top]]


def find_emergent_themes(
    ids: Sequence[str],
    languages: Sequence[str | None],
    groups: Sequence[str | None],
    vectors,
    tokens: Sequence[Sequence[str]],
    *,
    theme_centroids=None,
    theme_keys: Sequence[str] = (),
    min_cluster_size: int = 5,
    max_clusters: int = 12,
    random_state: int = 0,
    texts: Sequence[str] | None = None,
    analyst_language: str = "en",
) -> tuple[list[EmergentTheme], dict[str, float]]:
    """Emergent themes among the given (uncovered) items, plus each member's closeness.

    ``vectors`` is a matrix with one row per item, or a function that returns the rows for a
    list of item positions (so a caller can encode one group at a time). Dense vectors are
    taken to be language-neutral and clustered across languages; ``texts`` give the labels.
    """
    background = Counter()
    for toks in tokens:
        background.update(set(toks))
    across = not callable(vectors) and not sp.issparse(vectors)
    buckets: dict[tuple[str, str], list[int]] = defaultdict(list)
    for i, (lang, group) in enumerate(zip(languages, groups, strict=True)):
        buckets[("mul" if across else lang or "und", group or "")].append(i)
    themes: list[EmergentTheme] = []
    closeness: dict[str, float] = {}
    centres = []
    for (lang, group), rows in sorted(buckets.items()):
        x = vectors(rows) if callable(vectors) else vectors[rows]
        labels, cos = cluster_vectors(
            x,
            min_cluster_size=min_cluster_size,
            max_clusters=max_clusters,
            random_state=random_state,
        )
        for c in sorted(set(labels.tolist()) - {NOISE}):
            local = np.flatnonzero(labels == c)
            members = [rows[j] for j in local]
            member_cos = cos[labels == c]
            theme = _theme(
                f"emergent-{lang}-{len(themes) + 1}",
                members,
                member_cos,
                ids,
                languages,
                texts,
                key_phrases([tokens[m] for m in members], background, len(tokens)),
                analyst_language,
            )
            theme.group = group or None
            for m, value in zip(members, member_cos, strict=True):
                closeness[ids[m]] = float(value)
            themes.append(theme)
            centres.append(_unit_centre(x[local]))
    _link(themes, centres, theme_centroids, theme_keys)
    return themes, closeness


def _theme(key, members, member_cos, ids, languages, texts, phrases, analyst_language):
    """One emergent theme: members, language mix and a readable label (keywords only when
    there are no texts to take a phrase from)."""
    mix = Counter(languages[m] or "und" for m in members)
    label, names = "", {}
    if texts is not None:
        label, names = theme_labels(
            [texts[m] for m in members],
            [languages[m] for m in members],
            member_cos.tolist(),
            analyst_language,
        )
    order = np.argsort(-member_cos)
    return EmergentTheme(
        key=key,
        language=mix.most_common(1)[0][0],
        label=label or " / ".join(phrases[:3]) or key,
        key_phrases=phrases,
        item_ids=[ids[m] for m in members],
        representative_ids=[ids[members[j]] for j in order[:3]],
        labels=names,
        language_counts=dict(mix.most_common()),
    )


def _unit_centre(rows):
    """Normalised mean of some rows, kept sparse for sparse input (hashed spaces are wide)."""
    if sp.issparse(rows):
        centre = sp.csr_matrix(rows.mean(axis=0))
        norm = np.sqrt(centre.multiply(centre).sum())
        return centre / max(float(norm), 1e-9)
    centre = np.asarray(rows.mean(axis=0)).ravel()
    return centre / max(np.linalg.norm(centre), 1e-9)


def _link(themes: list[EmergentTheme], centres: list, theme_centroids, theme_keys) -> None:
    """Give clusters a shared ``linked_key``: a codebook theme, or a cluster in another language."""
    if not themes:
        return
    c = sp.vstack(centres, format="csr") if sp.issparse(centres[0]) else np.vstack(centres)
    if theme_centroids is not None and len(theme_keys) and theme_centroids.shape[1] == c.shape[1]:
        sims = _dense(c @ theme_centroids.T)
        for i, theme in enumerate(themes):
            j = int(sims[i].argmax())
            if sims[i, j] >= LINK_SIMILARITY:
                theme.linked_key = theme_keys[j]
    sims = _dense(c @ c.T)
    for i, theme in enumerate(themes):
        if theme.linked_key:
            continue
        for j in range(i):
            if themes[j].language != theme.language and sims[i, j] >= CROSS_LANGUAGE_LINK:
                theme.linked_key = themes[j].linked_key or themes[j].key
                break
