"""Copy-paste and form-letter campaigns: exact duplicates, then near duplicates via MinHash LSH.

Campaigns are not discarded (each resident still counts) but summaries should say when many
comments share one text, and quotes should not repeat it. The shingles, hash family, bands and
threshold are the ones the web app uses when a comment arrives (`textkit.minhash`), so the
report's copy-paste groups and the moderation queue's agree.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Sequence

import numpy as np

from textkit.minhash import (
    BANDS,
    MIN_SHINGLES,
    NEAR_DUPLICATE_THRESHOLD,
    band_matrix,
    jaccard,
    shingles,
    signatures,
)
from textkit.normalise import fold

from .types import DuplicateGroup, TextItem

MAX_BUCKET = 200


class _UnionFind:
    def __init__(self, n: int):
        self.parent = list(range(n))

    def find(self, a: int) -> int:
        while self.parent[a] != a:
            self.parent[a] = self.parent[self.parent[a]]
            a = self.parent[a]
        return a

    def union(self, a: int, b: int) -> None:
        ra, rb = self.find(a), self.find(b)
        if ra != rb:
            self.parent[max(ra, rb)] = min(ra, rb)


def _join_near(keys: list[str], uf: _UnionFind, threshold: float, seed: int) -> None:
    """Union the folded texts whose signatures share a band and whose shingles overlap by at
    least the threshold (checked exactly: a 60-hash estimate wanders by +-0.06)."""
    hashed = [shingles(k, folded=True) for k in keys]
    usable = [i for i, s in enumerate(hashed) if len(s) >= MIN_SHINGLES]
    if len(usable) < 2:
        return
    sets = [set(hashed[i]) for i in usable]
    bands = band_matrix(signatures([hashed[i] for i in usable], seed), seed)
    for band in range(BANDS):
        band_key = bands[:, band]
        order = np.argsort(band_key, kind="stable")
        sorted_keys = band_key[order]
        starts = np.flatnonzero(np.r_[True, sorted_keys[1:] != sorted_keys[:-1]])
        sizes = np.diff(np.r_[starts, len(order)])
        for start, size in zip(starts[sizes > 1], sizes[sizes > 1], strict=True):
            members = order[start : start + min(size, MAX_BUCKET)]
            head = int(members[0])
            for other in members[1:]:
                other = int(other)
                if uf.find(usable[head]) == uf.find(usable[other]):
                    continue
                if jaccard(sets[head], sets[other]) >= threshold:
                    uf.union(usable[head], usable[other])


def near_duplicate_groups(
    items: Sequence[TextItem],
    threshold: float = NEAR_DUPLICATE_THRESHOLD,
    seed: int = 0,
    *,
    texts: Sequence[str] | None = None,
) -> list[DuplicateGroup]:
    """Groups of two or more items whose texts are the same or nearly the same.

    Exact matches (after normalisation, case and punctuation folding) are found by hashing;
    near matches by MinHash with banded LSH, verified against ``threshold`` Jaccard similarity of
    their shingles. Roughly linear. ``texts`` may pass the items' texts already through
    ``normalise`` (saves a pass).
    """
    by_print: dict[str, list[int]] = defaultdict(list)
    for i, item in enumerate(items):
        folded_text = fold(texts[i], normalised=True) if texts is not None else fold(item.text)
        by_print[folded_text].append(i)
    keys = list(by_print)  # folded texts
    uf = _UnionFind(len(keys))
    _join_near(keys, uf, threshold, seed)
    clusters: dict[int, list[int]] = defaultdict(list)
    for k_idx, key in enumerate(keys):
        clusters[uf.find(k_idx)].extend(by_print[key])
    groups = []
    for members in clusters.values():
        if len(members) < 2:
            continue
        members.sort()
        ids = tuple(items[i].id for i in members)
        groups.append(DuplicateGroup(exemplar_id=ids[0], item_ids=ids))
    groups.sort(key=lambda g: (-len(g.item_ids), g.exemplar_id))
    return groups
