"""Copy-paste and form-letter campaigns: exact duplicates, then near duplicates via MinHash LSH.

Campaigns are not discarded (each resident still counts) but summaries should say when many
comments share one text, and quotes should not repeat it.
"""

from __future__ import annotations

import zlib
from collections import defaultdict
from collections.abc import Sequence

import numpy as np

from .text import fold
from .types import DuplicateGroup, TextItem

N_PERM = 60
BAND_ROWS = 5
MAX_BUCKET = 200
_PRIME = np.uint64((1 << 61) - 1)


def _shingles(folded: str) -> list[int]:
    words = folded.split()
    if len(words) >= 6:
        grams = [" ".join(words[i : i + 3]) for i in range(len(words) - 2)]
    else:  # unsegmented scripts or short texts: character 5-grams
        s = folded.replace(" ", "")
        grams = [s[i : i + 5] for i in range(max(0, len(s) - 4))]
    return [zlib.crc32(g.encode("utf-8")) for g in set(grams)]


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


def _signatures(shingle_sets: list[list[int]], seed: int) -> np.ndarray:
    rng = np.random.default_rng(seed)
    a = rng.integers(1, 1 << 61, N_PERM, dtype=np.uint64)
    b = rng.integers(0, 1 << 61, N_PERM, dtype=np.uint64)
    lengths = np.array([len(s) for s in shingle_sets])
    flat = np.fromiter((h for s in shingle_sets for h in s), dtype=np.uint64, count=lengths.sum())
    starts = np.concatenate([[0], np.cumsum(lengths)[:-1]])
    sig = np.empty((len(shingle_sets), N_PERM), dtype=np.uint64)
    for p in range(N_PERM):
        hashed = (flat * a[p] + b[p]) % _PRIME
        sig[:, p] = np.minimum.reduceat(hashed, starts)
    return sig


def near_duplicate_groups(
    items: Sequence[TextItem],
    threshold: float = 0.8,
    seed: int = 0,
    *,
    texts: Sequence[str] | None = None,
) -> list[DuplicateGroup]:
    """Groups of two or more items whose texts are the same or nearly the same.

    Exact matches (after normalisation, case and punctuation folding) are found by hashing;
    near matches by MinHash over word 3-grams (character 5-grams for unsegmented scripts) with
    banded LSH, verified against ``threshold`` estimated Jaccard similarity. Roughly linear.
    ``texts`` may pass the items' texts already through ``normalise`` (saves a pass).
    """
    by_print: dict[str, list[int]] = defaultdict(list)
    for i, item in enumerate(items):
        folded_text = fold(texts[i], normalised=True) if texts is not None else fold(item.text)
        by_print[folded_text].append(i)
    keys = list(by_print)  # folded texts
    shingles = [_shingles(k) for k in keys]
    uf = _UnionFind(len(keys))
    usable = [i for i, s in enumerate(shingles) if len(s) >= 3]
    if len(usable) > 1:
        sig = _signatures([shingles[i] for i in usable], seed)
        mix = np.random.default_rng(seed + 1).integers(1, 1 << 63, BAND_ROWS, dtype=np.uint64)
        for band in range(N_PERM // BAND_ROWS):
            cols = sig[:, band * BAND_ROWS : (band + 1) * BAND_ROWS]
            # One 64-bit key per row and band; rows sharing a key are bucketed by a sort.
            band_key = (cols * mix).sum(axis=1)
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
                    if np.mean(sig[head] == sig[other]) >= threshold:
                        uf.union(usable[head], usable[other])
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
