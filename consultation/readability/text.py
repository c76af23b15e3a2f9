"""Sentences and words, per script.

Sentences end at . ! ? … followed by a space or the end (so "1.5" and "example.org" stay whole),
at the full stops of Chinese (。！？) and Ethiopic (። ፧ ፨) whether or not a space follows, and at
a line break. A full stop after a known abbreviation ("Dr.", "Sra.", "т.е.") does not end one.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from functools import cache

_BOUNDARY = re.compile(
    r"(?P<latin>[.!?…]+)[\"'”’»)\]]*(?:\s+|$)"
    r"|(?P<wide>[。！？．]+|[።፧፨]+)[\"'”’»)\]」』]*\s*"
    r"|\n\s*"
)
WORD = re.compile(r"[^\W_]+(?:['’.\-][^\W_]+)*")
_HAS_WORD = re.compile(r"[^\W_]")
HAN = re.compile(r"[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]")
HANGUL_SYLLABLE = re.compile(r"[\uac00-\ud7a3]")
ETHIOPIC = re.compile(r"[\u1200-\u137f\u1380-\u139f\u2d80-\u2ddf\uab00-\uab2f]")
_NON_HAN_RUN = re.compile(r"[^\W_\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]+")


def split_sentences(text: str, abbreviations: Iterable[str] = ()) -> list[str]:
    """The text's sentences, stripped; pieces without a letter or digit are dropped."""
    abbreviations = frozenset(abbreviations)
    pieces, start = [], 0
    for match in _BOUNDARY.finditer(text):
        if match.group("latin") == "." and _abbreviation_before(text, match.start(), abbreviations):
            continue
        pieces.append(text[start : match.end()])
        start = match.end()
    pieces.append(text[start:])
    return [piece.strip() for piece in pieces if _HAS_WORD.search(piece)]


def _abbreviation_before(text: str, end: int, abbreviations: frozenset[str]) -> bool:
    if not abbreviations:
        return False
    before = text[: end + 1].split()
    if not before:
        return False
    token = before[-1].lstrip("\"'“‘«([¿¡").casefold()
    return token in abbreviations


def latin_words(sentence: str) -> list[str]:
    """Words of an alphabetic script: letters and digits, joined by inner apostrophes, hyphens
    and full stops ("don't", "follow-up", "т.е")."""
    return WORD.findall(sentence)


def spaced_words(sentence: str) -> list[str]:
    """Space-separated units that hold a letter or digit (Korean eojeol: a word with its
    particles, the unit Korean spacing and Korean readers use)."""
    return [token for token in sentence.split() if _HAS_WORD.search(token)]


@cache
def _jieba():
    import logging

    import jieba

    jieba.setLogLevel(logging.WARNING)
    jieba.initialize()
    return jieba


def chinese_words(sentence: str) -> list[str]:
    """Words as jieba segments them (Chinese is written without spaces)."""
    return [w for w in _jieba().lcut(sentence) if _HAS_WORD.search(w)]


def chinese_characters(sentence: str) -> int:
    """Sentence length in characters, the unit Chinese style guides use: each Han character
    counts one, and a run of Latin letters or digits ("2025", "app") counts one."""
    return len(HAN.findall(sentence)) + len(_NON_HAN_RUN.findall(sentence))


def vietnamese_words(sentence: str) -> list[str]:
    """Words as pyvi segments them: Vietnamese writes each syllable apart, so "thành phố"
    (city) is one word of two syllables, returned as "thành_phố"."""
    from pyvi import ViTokenizer

    return [w for w in ViTokenizer.tokenize(sentence).split() if _HAS_WORD.search(w)]


def ethiopic_words(sentence: str) -> list[str]:
    """Amharic words: separated by spaces or the Ethiopic wordspace ፡ (neither is a letter)."""
    return WORD.findall(sentence)
