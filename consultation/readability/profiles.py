"""Which measures each language gets, how it counts them, and the starting thresholds.

The thresholds are where a city starts, not rules: a city sets its own per language (in Django
settings, ``READABILITY_THRESHOLDS``). They follow plain-language guidance where it gives a
number (about 15-20 words a sentence in English; Flesch 60 or more; US grade 8), the
published scales of each formula (Fernández Huerta 60 "normal"; INFLESZ 55 "normal"), and for
the rest what our own demo rights measure when written plainly.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, field

from . import passive, syllables, text
from .types import MAX, MIN

WORDS = "words"
CHARACTERS = "characters"
SYLLABLES = "syllables"
EOJEOL = "eojeol"

SCORE_DIRECTIONS = {
    "flesch_reading_ease": MIN,
    "flesch_kincaid_grade": MAX,
    "fernandez_huerta": MIN,
    "szigriszt_pazos": MIN,
    "oborneva": MIN,
}


@dataclass(frozen=True)
class LanguageRules:
    """How one language is measured. ``word_length`` is in ``long_word_unit``; ``syllables``
    is set only where a formula needs it."""

    code: str
    words: Callable[[str], list[str]]
    sentence_unit: str
    word_length: Callable[[str], int]
    long_word_unit: str
    thresholds: dict[str, float]
    word_unit: str = WORDS
    sentence_length: Callable[[str, list[str]], int] | None = None
    syllables: Callable[[str], int] | None = None
    passives: Callable[[list[str]], list[str]] | None = None
    scores: tuple[str, ...] = ()
    abbreviations: frozenset[str] = field(default_factory=frozenset)

    def length_of(self, sentence: str, words: list[str]) -> int:
        if self.sentence_length is None:
            return len(words)
        return self.sentence_length(sentence, words)


def _characters(pattern: re.Pattern) -> Callable[[str], int]:
    return lambda word: len(pattern.findall(word))


def _letters(word: str) -> int:
    return sum(1 for ch in word if ch.isalpha())


RULES: dict[str, LanguageRules] = {
    "en": LanguageRules(
        code="en",
        words=text.latin_words,
        sentence_unit=WORDS,
        word_length=syllables.english,
        long_word_unit=SYLLABLES,
        syllables=syllables.english,
        passives=passive.english,
        scores=("flesch_reading_ease", "flesch_kincaid_grade"),
        abbreviations=frozenset({"mr.", "mrs.", "ms.", "dr.", "st.", "no.", "e.g.", "i.e."}),
        thresholds={
            "sentence_length": 20,
            "longest_sentence": 25,
            "long_word_min": 3,
            "long_words": 15,
            "passive": 0,
            "flesch_reading_ease": 60,
            "flesch_kincaid_grade": 8,
        },
    ),  # fmt: skip
    "es": LanguageRules(
        code="es",
        words=text.latin_words,
        sentence_unit=WORDS,
        word_length=syllables.spanish,
        long_word_unit=SYLLABLES,
        syllables=syllables.spanish,
        passives=passive.spanish,
        scores=("fernandez_huerta", "szigriszt_pazos"),
        abbreviations=frozenset({"sr.", "sra.", "srta.", "dr.", "dra.", "núm.", "pág.", "ej."}),
        thresholds={
            "sentence_length": 20,
            "longest_sentence": 25,
            "long_word_min": 4,
            "long_words": 20,
            "passive": 0,
            "fernandez_huerta": 60,
            "szigriszt_pazos": 55,
        },
    ),  # fmt: skip
    "ru": LanguageRules(
        code="ru",
        words=text.latin_words,
        sentence_unit=WORDS,
        word_length=syllables.russian,
        long_word_unit=SYLLABLES,
        syllables=syllables.russian,
        passives=passive.russian,
        scores=("oborneva",),
        abbreviations=frozenset({"т.е.", "т.д.", "т.п.", "г.", "ул.", "д.", "им.", "см."}),
        thresholds={
            "sentence_length": 15,
            "longest_sentence": 20,
            "long_word_min": 5,
            "long_words": 15,
            "passive": 0,
            "oborneva": 50,
        },
    ),  # fmt: skip
    "ko": LanguageRules(
        code="ko",
        words=text.spaced_words,
        word_unit=EOJEOL,
        sentence_unit=EOJEOL,
        word_length=_characters(text.HANGUL_SYLLABLE),
        long_word_unit=CHARACTERS,
        passives=passive.korean,
        thresholds={
            "sentence_length": 12,
            "longest_sentence": 15,
            "long_word_min": 8,
            "long_words": 10,
            "passive": 0,
        },
    ),  # fmt: skip
    "zh-hans": LanguageRules(
        code="zh-hans",
        words=text.chinese_words,
        sentence_unit=CHARACTERS,
        sentence_length=lambda sentence, _words: text.chinese_characters(sentence),
        word_length=_characters(text.HAN),
        long_word_unit=CHARACTERS,
        passives=passive.chinese,
        thresholds={
            "sentence_length": 25,
            "longest_sentence": 35,
            "long_word_min": 4,
            "long_words": 10,
            "passive": 0,
        },
    ),  # fmt: skip
    "vi": LanguageRules(
        code="vi",
        words=text.vietnamese_words,
        sentence_unit=WORDS,
        word_length=syllables.vietnamese,
        long_word_unit=SYLLABLES,
        thresholds={
            "sentence_length": 20,
            "longest_sentence": 25,
            "long_word_min": 3,
            "long_words": 10,
        },
    ),  # fmt: skip
    "so": LanguageRules(
        code="so",
        words=text.latin_words,
        sentence_unit=WORDS,
        word_length=syllables.somali,
        long_word_unit=SYLLABLES,
        thresholds={
            "sentence_length": 18,
            "longest_sentence": 25,
            "long_word_min": 5,
            "long_words": 15,
        },
    ),  # fmt: skip
    "tl": LanguageRules(
        code="tl",
        words=text.latin_words,
        sentence_unit=WORDS,
        word_length=syllables.tagalog,
        long_word_unit=SYLLABLES,
        thresholds={
            "sentence_length": 18,
            "longest_sentence": 25,
            "long_word_min": 5,
            "long_words": 15,
        },
    ),  # fmt: skip
    "am": LanguageRules(
        code="am",
        words=text.ethiopic_words,
        sentence_unit=WORDS,
        word_length=_characters(text.ETHIOPIC),
        long_word_unit=CHARACTERS,
        thresholds={
            "sentence_length": 15,
            "longest_sentence": 20,
            "long_word_min": 8,
            "long_words": 15,
        },
    ),  # fmt: skip
}

# Any other language: words between spaces and punctuation, long words by letters.
FALLBACK = LanguageRules(
    code="",
    words=text.latin_words,
    sentence_unit=WORDS,
    word_length=_letters,
    long_word_unit="letters",
    thresholds={
        "sentence_length": 20, "longest_sentence": 25, "long_word_min": 12, "long_words": 15,
    },
)  # fmt: skip

_ALIASES = {"zh": "zh-hans", "zh-cn": "zh-hans", "zh_hans": "zh-hans", "fil": "tl", "amh": "am"}


def canonical(language: str | None) -> str:
    """One of our nine codes from a Wagtail, Django or library code ("zh_Hans" -> "zh-hans");
    "" when it is none of them."""
    code = (language or "").strip().lower().replace("_", "-")
    code = _ALIASES.get(code, code)
    if code in RULES:
        return code
    base = _ALIASES.get(code.split("-")[0], code.split("-")[0])
    return base if base in RULES else ""


def rules_for(language: str | None) -> LanguageRules:
    return RULES.get(canonical(language), FALLBACK)


def default_thresholds(language: str | None) -> dict[str, float]:
    return dict(rules_for(language).thresholds)
