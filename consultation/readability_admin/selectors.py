"""Reads for the plain-language check: each right of a draft measured in the draft's language,
and the rights over the city's thresholds across every language's newest draft."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from django.conf import settings

from config.languages import LANGUAGE_CODES
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


@dataclass(frozen=True)
class ReportRow:
    """One part of one right that is over at least one threshold."""

    page_id: int
    draft_title: str
    language: str
    right_number: int
    right_title: str
    part: str
    text: str
    result: TextReadability

    @property
    def severity(self) -> float:
        return self.result.severity


def newest_drafts():
    """The newest draft version of each consultation in each language, as editors last saved
    it (the latest revision, published or not): the text translators are working on."""
    from consultation.models import BillOfRightsDraftPage

    newest = {}
    pages = BillOfRightsDraftPage.objects.filter(alias_of__isnull=True).select_related("locale")
    for page in pages.order_by("path"):
        key = (page.path[: -page.steplen], page.locale_id)
        if key not in newest or page.version_number > newest[key].version_number:
            newest[key] = page
    drafts = []
    for page in newest.values():
        drafts.append(
            page.get_latest_revision_as_object() if page.has_unpublished_changes else page
        )
    return drafts


def readability_report_rows(*, language: str | None = None) -> list[ReportRow]:
    """Every right part over a threshold in the newest drafts, grouped by language in the
    platform's order and worst first within each, so translators fix the worst first."""
    rows = []
    for page in newest_drafts():
        code = canonical(page.locale.language_code)
        if language and code != language:
            continue
        for right in rights_readability(body=page.body, language=code):
            for part in right.parts:
                if part.result.over:
                    rows.append(
                        ReportRow(
                            page_id=page.pk,
                            draft_title=page.title,
                            language=code,
                            right_number=right.number,
                            right_title=right.title,
                            part=part.part,
                            text=part.text,
                            result=part.result,
                        )
                    )
    order = {code: index for index, code in enumerate(LANGUAGE_CODES)}
    rows.sort(key=lambda row: (order.get(row.language, len(order)), -row.severity))
    return rows
