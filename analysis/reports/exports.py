"""Comments with their themes as CSV or XLSX, one row per item, streamed.

Rows are produced by walking the run's items and its machine assignments side by side in the
same order, so memory stays flat at 100k comments. Every cell goes through the kernel's
spreadsheet guard (participation.spreadsheet: formulas neutralised, characters a workbook
cannot hold dropped). No contact details
are exported: items carry only what the run froze (language, channel, district, stance),
each under its name (participation/names.py), not its stored code.

What a machine made is marked in its own columns: whether an item's themes are the machine's
or an analyst reviewed them, whether the stance is the resident's or a machine's guess, and
who made the translation into the exporter's language (City staff or machine translation).
"""

import csv
import tempfile
from collections.abc import Iterator

from django.utils.translation import gettext as _

from analysis.models.runs import AnalysisItem, AnalysisRun
from analysis.models.themes import Theme
from analysis.reports.effective import stream_effective_themes
from analysis.reports.figures import ReportFilters, stance_of
from analysis.selectors.names import districts_of, rights_of_consultation
from analysis.selectors.translations import export_translations, reader_language, reviewed_keys
from participation.names import channel_name, district_name, language_name, right_name
from participation.spreadsheet import safe_cell

CHUNK = 2000


def _text(value) -> str:
    return safe_cell("" if value is None else str(value))


def header(language: str = "") -> list[str]:
    return [
        _("Reference"),
        _("Kind"),
        _("Language"),
        _("Channel"),
        _("District"),
        _("Right"),
        _("Question"),
        _("Stance"),
        _("Received"),
        _("Copy-paste group"),
        _("Themes"),
        _("Themes made by"),
        _("Stance from"),
        _("Text"),
        _("Translation (%(language)s)") % {"language": language or reader_language()},
        _("Translated by"),
    ]


ITEM_FIELDS = (
    "content_type_id", "object_id", "field_key", "ref", "language", "channel", "district",
    "right_key", "question", "stance", "created", "duplicate_group", "text", "stance_source",
)  # fmt: skip


def _items(run: AnalysisRun, filters: ReportFilters):
    return (
        filters.apply(AnalysisItem.objects.filter(run=run))
        .order_by("content_type_id", "object_id", "field_key")
        .values_list(*ITEM_FIELDS)
        .iterator(chunk_size=CHUNK)
    )


def export_rows(*, run: AnalysisRun, filters: ReportFilters | None = None) -> Iterator[list]:
    """Header, then one row per item in (content type, object, field) order."""
    filters = filters or ReportFilters()
    names = dict(Theme.objects.filter(run=run).values_list("pk", "name"))
    districts = districts_of(consultation=run.consultation)
    rights = rights_of_consultation(consultation=run.consultation)
    items = _items(run, filters)
    rows = {}

    def keys():
        for row in items:
            key = row[:3]
            rows[key] = row
            yield key

    language = reader_language()
    yield header(language)
    comment_kind, answer_kind = _("comment"), _("survey answer")
    machine, analyst = _("machine"), _("analyst")
    stance_from = {"form": _("resident"), "text": machine}
    made_by = {"human": _("City staff"), "machine": _("machine translation")}
    translations = export_translations(run=run, language=language)
    reviewed = reviewed_keys(run=run)
    for key, theme_ids in stream_effective_themes(run=run, keys=keys()):
        row = rows.pop(key)
        (_ct, _oid, field_key, ref, item_language, channel, district, right_key, question,
         stance, created, duplicate_group, text, stance_source) = row  # fmt: skip
        themes = "; ".join(sorted(names[pk] for pk in theme_ids))
        translation = translations.get(key) if item_language != language else None
        yield [
            _text(ref),
            answer_kind if field_key else comment_kind,
            _text(language_name(item_language)),
            _text(channel_name(channel)),
            _text(district_name(district, names=districts)),
            _text(right_name(right_key, titles=rights)),
            _text(question),
            stance_of(stance),
            created.isoformat() if created else "",
            _text(duplicate_group),
            _text(themes),
            (analyst if key in reviewed else machine) if themes else "",
            stance_from.get(stance_source, "") if stance else "",
            _text(text),
            _text(translation[0]) if translation else "",
            made_by[translation[1]] if translation else "",
        ]


class _Echo:
    def write(self, value):
        return value


def csv_chunks(*, run: AnalysisRun, filters: ReportFilters | None = None) -> Iterator[str]:
    """CSV text in chunks of rows (UTF-8 BOM first so spreadsheets read the languages right)."""
    writer = csv.writer(_Echo())
    yield "\ufeff"
    buffer = []
    for row in export_rows(run=run, filters=filters):
        buffer.append(writer.writerow(row))
        if len(buffer) >= CHUNK:
            yield "".join(buffer)
            buffer = []
    if buffer:
        yield "".join(buffer)


def xlsx_file(*, run: AnalysisRun, filters: ReportFilters | None = None):
    """An XLSX workbook written row by row (openpyxl write-only) to a temporary file, which
    the caller streams and which disappears when closed."""
    from openpyxl import Workbook

    workbook = Workbook(write_only=True)
    sheet = workbook.create_sheet(title=_("Comments")[:31])
    for row in export_rows(run=run, filters=filters):
        sheet.append(row)  # every cell already went through the spreadsheet guard
    handle = tempfile.TemporaryFile(suffix=".xlsx")  # noqa: SIM115 - the response closes it
    workbook.save(handle)
    handle.seek(0)
    return handle
