"""Measure one text in one language against thresholds."""

from __future__ import annotations

from collections.abc import Mapping

from .formulas import FORMULAS
from .profiles import SCORE_DIRECTIONS, canonical, rules_for
from .text import split_sentences
from .types import MAX, Measure, TextReadability


def measure_text(
    text: str,
    language: str | None,
    thresholds: Mapping[str, float] | None = None,
    *,
    scores: bool = True,
) -> TextReadability:
    """Sentence length (average and longest), the share of long words, passive phrases where
    the language has a rule, and each published reading-level score for the language.

    ``thresholds`` override the language's defaults key by key (``long_word_min`` sets what
    counts as a long word). ``scores=False`` leaves the reading-level formulas out, for a
    heading of a few words, on which they give meaningless values (a four-word title can score
    12 or 102). Nothing here blocks anything: the caller decides what to show.
    """
    rules = rules_for(language)
    limits = {**rules.thresholds, **(thresholds or {})}
    sentences = _sentences(text, rules)
    words = [word for _sentence, sentence_words in sentences for word in sentence_words]
    long_min = limits.get("long_word_min", 0)
    long_words = [w for w in words if long_min and rules.word_length(w) >= long_min]
    measures = _length_measures(rules, limits, sentences, words, long_words)
    passives: list[str] = []
    if rules.passives is not None:
        for _sentence, sentence_words in sentences:
            passives.extend(rules.passives(sentence_words))
        value = len(passives) if words else None
        measures.append(Measure("passive", value, limits.get("passive"), MAX, "count"))
    if rules.scores and scores:
        syllable_total = sum(rules.syllables(w) for w in words)
        for key in rules.scores:
            value = FORMULAS[key](len(words), len(sentences), syllable_total) if words else None
            measures.append(Measure(key, value, limits.get(key), SCORE_DIRECTIONS[key], "score"))
    return TextReadability(
        language=canonical(language),
        sentences=len(sentences),
        words=len(words),
        measures=tuple(measures),
        long_words=tuple(dict.fromkeys(long_words)),
        passives=tuple(passives),
        has_formula=bool(rules.scores),
        has_passive_rule=rules.passives is not None,
        long_word_min=int(long_min),
    )


def _sentences(text: str, rules) -> list[tuple[str, list[str]]]:
    """Each sentence with its words; a sentence of punctuation alone is not a sentence."""
    sentences = []
    for sentence in split_sentences(text or "", rules.abbreviations):
        words = rules.words(sentence)
        if words:
            sentences.append((sentence, words))
    return sentences


def _length_measures(rules, limits, sentences, words, long_words) -> list[Measure]:
    """Average and longest sentence (in the language's unit) and the share of long words."""
    lengths = [rules.length_of(sentence, sentence_words) for sentence, sentence_words in sentences]
    return [
        Measure(
            "sentence_length",
            sum(lengths) / len(lengths) if lengths else None,
            limits.get("sentence_length"),
            MAX,
            rules.sentence_unit,
        ),
        Measure(
            "longest_sentence",
            max(lengths) if lengths else None,
            limits.get("longest_sentence"),
            MAX,
            rules.sentence_unit,
        ),
        Measure(
            "long_words",
            100 * len(long_words) / len(words) if words else None,
            limits.get("long_words"),
            MAX,
            "percent",
        ),
    ]
