"""Default backend: hashed word/bigram and character n-gram features with corpus IDF.

No vocabulary to store, no model to download, fast on 100k comments, and it works for every
script: words catch exact terms, character n-grams catch inflections (Somali, Tagalog, Amharic,
Russian) and unsegmented text.

Speed: hashing is done once per *distinct* word, not per occurrence. Each text becomes a sparse
row of word counts, and its character n-grams are that row times a (word x n-gram) matrix built
from a cache, so the per-occurrence work is one dictionary look-up; everything else is a sparse
product in C. Hashes are CRC-32, stable across processes, so a pickled model still encodes new
comments the same way.
"""

from __future__ import annotations

import re
import zlib
from collections.abc import Sequence

import numpy as np
import scipy.sparse as sp

from ..tokenize import tokenize_many

N_WORD_FEATURES = 2**18
N_CHAR_FEATURES = 2**18
FIT_CHUNK = 8192  # document frequencies are summed chunk by chunk to bound memory
IDF_SAMPLE = 40_000  # IDF from at most this many corpus texts (evenly spaced): same weights
_CACHE_LIMIT = 400_000
_WORD_MASK = N_WORD_FEATURES - 1
_CHAR_MASK = N_CHAR_FEATURES - 1
_SURFACE = re.compile(r"\w+")
_BIGRAM_MULT = np.uint64(0x9E3779B1)

_token_hash: dict[str, int] = {}
_word_grams: dict[str, np.ndarray] = {}


def _hash_token(token: str) -> int:
    value = _token_hash.get(token)
    if value is None:
        if len(_token_hash) > _CACHE_LIMIT:
            _token_hash.clear()
        value = _token_hash[token] = zlib.crc32(token.encode("utf-8"))
    return value


def _grams_of(word: str, lo: int, hi: int) -> np.ndarray:
    """Hashed character n-grams of `` word `` (padded like scikit-learn's ``char_wb``)."""
    padded = f" {word} "
    grams = [
        padded[i : i + n] for n in range(lo, hi + 1) for i in range(max(1, len(padded) - n + 1))
    ]
    return np.fromiter(
        (zlib.crc32(g.encode("utf-8")) & _CHAR_MASK for g in grams), np.int32, len(grams)
    )


def _word_block(tokens: Sequence[Sequence[str]]) -> sp.csr_matrix:
    """Counts of hashed unigrams and adjacent bigrams, one row per text."""
    lengths = np.fromiter((len(t) for t in tokens), np.int64, len(tokens))
    flat = np.fromiter(
        (_hash_token(w) for toks in tokens for w in toks), np.uint64, int(lengths.sum())
    )
    rows = np.repeat(np.arange(len(tokens)), lengths)
    ends = np.cumsum(lengths)
    pair_ok = np.ones(max(len(flat) - 1, 0), dtype=bool)
    pair_ok[ends[(ends > 0) & (ends < len(flat))] - 1] = False
    bigrams = (flat[:-1] * _BIGRAM_MULT + (flat[1:] ^ np.uint64(0x5BD1E995)))[pair_ok]
    cols = np.concatenate([flat, bigrams]) & np.uint64(_WORD_MASK)
    rows = np.concatenate([rows, rows[:-1][pair_ok]])
    data = np.ones(len(cols), dtype=np.float32)
    shape = (len(tokens), N_WORD_FEATURES)
    return sp.csr_matrix((data, (rows, cols.astype(np.int32))), shape=shape)


def _char_block(texts: Sequence[str], lo: int, hi: int) -> sp.csr_matrix:
    """Counts of hashed character n-grams within words: (text x word) @ (word x n-gram)."""
    vocab: dict[str, int] = {}
    word_ids: list[int] = []
    lengths = []
    for text in texts:
        words = _SURFACE.findall(text.casefold())
        lengths.append(len(words))
        for w in words:
            idx = vocab.get(w)
            if idx is None:
                idx = vocab[w] = len(vocab)
            word_ids.append(idx)
    if len(_word_grams) > _CACHE_LIMIT:
        _word_grams.clear()
    grams = []
    for w in vocab:
        g = _word_grams.get(w)
        if g is None:
            g = _word_grams[w] = _grams_of(w, lo, hi)
        grams.append(g)
    gram_lengths = np.fromiter((len(g) for g in grams), np.int64, len(grams))
    w_indptr = np.concatenate([[0], np.cumsum(gram_lengths)])
    w_indices = np.concatenate(grams) if grams else np.zeros(0, np.int32)
    word_grams = sp.csr_matrix(
        (np.ones(len(w_indices), np.float32), w_indices, w_indptr),
        shape=(len(vocab), N_CHAR_FEATURES),
    )
    rows = np.repeat(np.arange(len(texts)), lengths)
    doc_words = sp.csr_matrix(
        (np.ones(len(word_ids), np.float32), (rows, np.asarray(word_ids, np.int64))),
        shape=(len(texts), len(vocab)),
    )
    return (doc_words @ word_grams).tocsr()


def _l2(m: sp.csr_matrix, scale: float = 1.0) -> sp.csr_matrix:
    """Row-normalise in place (scaling ``data`` directly avoids a costly CSC round trip)."""
    lengths = np.diff(m.indptr)
    rows = np.repeat(np.arange(m.shape[0]), lengths)
    norms = np.sqrt(np.bincount(rows, weights=m.data.astype(np.float64) ** 2, minlength=m.shape[0]))
    norms[norms == 0] = 1.0
    m.data *= np.repeat((scale / norms).astype(m.data.dtype), lengths)
    return m


class HashingBackend:
    name = "hashing"

    def __init__(self, char_weight: float = 0.6, char_ngrams: tuple[int, int] = (2, 4)):
        self.char_weight = char_weight
        self.char_ngrams = char_ngrams
        self.idf: list[np.ndarray] | None = None

    def _blocks(self, texts, languages, tokens) -> tuple[sp.csr_matrix, sp.csr_matrix]:
        if len(texts) == 0:
            empty = sp.csr_matrix((0, N_WORD_FEATURES), dtype=np.float32)
            return empty, sp.csr_matrix((0, N_CHAR_FEATURES), dtype=np.float32)
        if tokens is None:
            tokens = tokenize_many(texts, languages)
        words = _word_block(tokens)
        chars = _char_block(texts, *self.char_ngrams)
        for m in (words, chars):
            m.sum_duplicates()
            m.data = np.log1p(m.data)
        return words, chars

    def fit(self, texts, languages, tokens=None) -> None:
        """Learn IDF weights from the corpus at hand (a consultation's comments + codebook).

        Beyond ``IDF_SAMPLE`` texts, document frequencies come from an evenly spaced sample:
        IDF of any feature common enough to matter is unchanged, and it saves a full pass.
        """
        n_all = len(texts)
        take = np.arange(n_all)
        if n_all > IDF_SAMPLE:
            take = np.unique(np.linspace(0, n_all - 1, IDF_SAMPLE).astype(np.int64))
        df = [np.zeros(N_WORD_FEATURES), np.zeros(N_CHAR_FEATURES)]
        for start in range(0, len(take), FIT_CHUNK):
            rows = take[start : start + FIT_CHUNK]
            toks = [tokens[i] for i in rows] if tokens is not None else None
            blocks = self._blocks([texts[i] for i in rows], [languages[i] for i in rows], toks)
            for acc, m in zip(df, blocks, strict=True):
                acc += np.bincount(m.indices, minlength=m.shape[1])
        n = max(len(take), 1)
        self.idf = [(np.log((1.0 + n) / (1.0 + d)) + 1.0).astype(np.float32) for d in df]

    def encode(self, texts, languages, tokens=None) -> sp.csr_matrix:
        words, chars = self._blocks(texts, languages, tokens)
        if self.idf is not None:
            words.data *= self.idf[0][words.indices]
            chars.data *= self.idf[1][chars.indices]
        both = sp.hstack([_l2(words), _l2(chars, self.char_weight)], format="csr")
        return _l2(both)
