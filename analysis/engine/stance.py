"""Stance per comment: the resident's own answer on the form first, English sentiment otherwise.

Sentiment is not stance (an angry comment can support the draft), so text-derived results are
labelled ``source="text"`` and ``method="vader-sentiment-en"`` and use sentiment words.
"""

from __future__ import annotations

from collections.abc import Sequence
from functools import cache

from .types import StanceResult, TextItem

FORM_STANCES = ("agree", "disagree", "unsure")
SENTIMENT_METHOD = "vader-sentiment-en"


@cache
def _vader():
    from vaderSentiment.vaderSentiment import SentimentIntensityAnalyzer

    return SentimentIntensityAnalyzer()


def _sentiment_label(compound: float) -> str:
    if compound >= 0.05:
        return "positive"
    if compound <= -0.05:
        return "negative"
    return "neutral"


def stances(items: Sequence[TextItem], languages: Sequence[str | None]) -> list[StanceResult]:
    out = []
    for item, lang in zip(items, languages, strict=True):
        stance = (item.stance or "").strip().lower()
        if stance in FORM_STANCES:
            out.append(StanceResult(item.id, stance, "form"))
        elif lang == "en" and item.text.strip():
            compound = _vader().polarity_scores(item.text[:2000])["compound"]
            out.append(
                StanceResult(
                    item.id, _sentiment_label(compound), "text", SENTIMENT_METHOD, compound
                )
            )
        else:
            out.append(StanceResult(item.id, None, "text", "none"))
    return out
