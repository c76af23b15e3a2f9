"""Reads for the plain-language report: the rights over the city's thresholds across every
language's newest draft (the per-draft measure lives in rights.py)."""

from __future__ import annotations

from dataclasses import dataclass

from config.languages import LANGUAGE_CODES
from consultation.models import BillOfRightsDraftPage
from consultation.readability import TextReadability, canonical
from consultation.readability_admin.rights import rights_readability


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
