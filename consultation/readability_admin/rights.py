"""Measure each right of one draft in the draft's language. Needs no model import, so the
editor's panel (imported by the page models) can use it without tying the models in a circle."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from django.conf import settings

from consultation.readability import TextReadability, canonical, default_thresholds, measure_text

RIGHT_PARTS = ("title", "statement", "commitment")


def thresholds_for(language: str) -> dict[str, float]:
    """The language's defaults with the city's own values (settings.READABILITY_THRESHOLDS)
    laid over them key by key; read on every call, so a changed setting needs no restart."""
    configured = getattr(settings, "READABILITY_THRESHOLDS", None) or {}
    code = canonical(language)
    return {**default_thresholds(code), **configured.get(code, {})}


@dataclass(frozen=True)
class PartReadability:
    part: str  # "title", "statement" or "commitment"
    text: str
    result: TextReadability


@dataclass(frozen=True)
class RightReadability:
    block_id: str
    number: int  # 1-based position among the draft's rights
    title: str
    parts: tuple[PartReadability, ...]

    @property
    def severity(self) -> float:
        return sum(part.result.severity for part in self.parts)

    @property
    def over_count(self) -> int:
        return sum(len(part.result.over) for part in self.parts)


def rights_readability(*, body: Iterable, language: str) -> list[RightReadability]:
    """Measure the title, statement and commitment of every right in a draft body (a saved
    StreamValue, or one parsed from the editor's unsaved form). A title is a heading of a few
    words, so it gets the length, long-word and passive measures but no reading-level score."""
    thresholds = thresholds_for(language)
    rights = []
    for block in body:
        if block.block_type != "right":
            continue
        value = block.value
        parts = tuple(
            PartReadability(
                part,
                str(value.get(part) or ""),
                measure_text(
                    str(value.get(part) or ""), language, thresholds, scores=part != "title"
                ),
            )
            for part in RIGHT_PARTS
        )
        rights.append(
            RightReadability(
                block_id=block.id or "",
                number=len(rights) + 1,
                title=value.get("title") or "",
                parts=parts,
            )
        )
    return rights
