"""Readable names for themes nobody named: a short phrase, never a list of keywords.

An analyst reads "The city should answer within a week" faster than "answer / week / reply".
A theme's label is the opening clause of its most central comment, with personal data
scrubbed; the analyst's language is preferred when a comment in it is nearly as central, and
every language in the theme gets a label of its own for readers of that language.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from .pii import scrub_personal_data

MAX_WORDS = 12
MAX_CHARS = 60  # for scripts written without spaces (Chinese)
PREFERENCE_SLACK = 0.08  # how much less central an analyst-language comment may be
_SENTENCE_END = re.compile(r"(?<=[.!?。！？;；])\s*|\n+|(?<=[።፧])\s*")
_CLAUSE_BREAK = re.compile(r"\s*[,，、:：–—]\s+|\s+-\s+")


def phrase(text: str) -> str:
    """The opening sentence of ``text``, cut to its first clause when the sentence is long."""
    text = scrub_personal_data(text or "").text.strip()
    sentence = next((s.strip() for s in _SENTENCE_END.split(text) if s and s.strip()), "")
    words = sentence.split()
    if len(words) > MAX_WORDS:
        first = _CLAUSE_BREAK.split(sentence, maxsplit=1)[0]
        if 3 <= len(first.split()) <= MAX_WORDS:
            sentence, words = first, first.split()
    if len(words) > MAX_WORDS:
        sentence = " ".join(words[:MAX_WORDS]) + "…"
    elif len(words) <= 1 and len(sentence) > MAX_CHARS:
        sentence = sentence[:MAX_CHARS] + "…"
    return sentence.rstrip(" ,;:.。")


def theme_labels(
    texts: Sequence[str],
    languages: Sequence[str | None],
    centrality: Sequence[float],
    analyst_language: str = "en",
) -> tuple[str, dict[str, str]]:
    """(label, {language: label}) for one theme from its members' texts and closeness."""
    order = sorted(range(len(texts)), key=lambda i: -centrality[i])
    per_language: dict[str, str] = {}
    for i in order:
        lang = languages[i] or "und"
        if lang not in per_language:
            label = phrase(texts[i])
            if label:
                per_language[lang] = label
    if not order:
        return "", per_language
    top = centrality[order[0]]
    for i in order:
        if languages[i] == analyst_language and centrality[i] >= top - PREFERENCE_SLACK:
            return per_language.get(analyst_language, ""), per_language
    first = next((phrase(texts[i]) for i in order if phrase(texts[i])), "")
    return first, per_language
