"""Reading a spreadsheet of comments: CSV (UTF-8) or XLSX, checked row by row with the same
rules as the intake form, and the downloadable template. Nothing here writes to the database.
"""

from __future__ import annotations

import csv
import io
import zipfile
from dataclasses import dataclass, field
from datetime import date, datetime

from django.utils.translation import gettext as _

from consultation.intake.forms import ProvenanceFields
from consultation.selectors import right_titles
from participation.spreadsheet import safe_cell

MAX_BYTES = 5 * 1024 * 1024
MAX_ROWS = 5000
COLUMNS = [
    "channel",
    "received_on",
    "right",
    "language",
    "stance",
    "text",
    "taken_by",
    "interpreter_used",
    "interpreter_language",
    "text_form",
    "source_detail",
    "name",
    "email",
    "district",
    "consent_contact",
    "consent_show_name",
]
REQUIRED_COLUMNS = ["channel", "received_on", "language", "text", "taken_by", "text_form"]
YES = {"yes", "y", "true", "1", "x"}
NO = {"no", "n", "false", "0", ""}


@dataclass
class RowError:
    row: int
    column: str
    message: str


@dataclass
class ParsedFile:
    rows: list[dict] = field(default_factory=list)
    errors: list[RowError] = field(default_factory=list)
    file_error: str = ""

    @property
    def ok(self) -> bool:
        return not self.errors and not self.file_error


def _cell(value) -> str:
    if value is None:
        return ""
    if isinstance(value, datetime):
        return value.date().isoformat()
    if isinstance(value, date):
        return value.isoformat()
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return str(value).replace("\x00", "")


def _read_csv(content: bytes) -> tuple[list[str], list[list[str]]]:
    try:
        text = content.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        raise ValueError(
            _(
                "The file is not in UTF-8. In your spreadsheet program save it as "
                "“CSV UTF-8”, or upload an XLSX file."
            )
        ) from error
    reader = csv.reader(io.StringIO(text.replace("\x00", ""), newline=""))
    try:
        rows = list(reader)
    except csv.Error as error:
        raise ValueError(_("The file could not be read as CSV.")) from error
    if not rows:
        return [], []
    return rows[0], rows[1:]


def _read_xlsx(content: bytes) -> tuple[list[str], list[list[str]]]:
    from openpyxl import load_workbook
    from openpyxl.utils.exceptions import InvalidFileException

    try:
        workbook = load_workbook(io.BytesIO(content), read_only=True, data_only=False)
        sheet = workbook.worksheets[0]
        rows = [[_cell(value) for value in row] for row in sheet.iter_rows(values_only=True)]
        workbook.close()
    except (zipfile.BadZipFile, InvalidFileException, KeyError, ValueError, OSError) as error:
        raise ValueError(_("The file could not be read as an XLSX workbook.")) from error
    if not rows:
        return [], []
    return rows[0], rows[1:]


def _boolean(value: str) -> bool | None:
    folded = value.strip().casefold()
    if folded in YES:
        return True
    if folded in NO:
        return False
    return None


def _right_key(value: str, rights: dict[str, str]) -> str | None:
    """Blank for the whole draft; the right's number (1, 2, ...) or its key otherwise."""
    value = value.strip()
    if not value:
        return ""
    keys = list(rights)
    if value.isdigit() and 1 <= int(value) <= len(keys):
        return keys[int(value) - 1]
    return value if value in rights else None


def validate_rows(header: list[str], body: list[list[str]], draft) -> ParsedFile:
    """Check every row and report every problem with its spreadsheet row number (the header is
    row 1), so staff can fix the file in one pass."""
    parsed = ParsedFile()
    names = [str(name or "").strip().casefold() for name in header]
    missing = [column for column in REQUIRED_COLUMNS if column not in names]
    if missing:
        parsed.file_error = _("These columns are missing: %(columns)s. Use the template.") % {
            "columns": ", ".join(missing)
        }
        return parsed
    rights = right_titles(draft)
    for offset, values in enumerate(body):
        number = offset + 2
        row = {name: _cell(values[i]) if i < len(values) else "" for i, name in enumerate(names)}
        if not any(value.strip() for value in row.values()):
            continue
        if len(parsed.rows) >= MAX_ROWS:
            parsed.file_error = _("The file has more than %(count)d rows. Split it.") % {
                "count": MAX_ROWS
            }
            return parsed
        data = {column: row.get(column, "") for column in COLUMNS if column != "right"}
        data["stance"] = data["stance"].strip().casefold() or "none"
        for column in ("channel", "language", "text_form"):
            data[column] = data[column].strip().casefold()
        booleans_ok = True
        for column in ("interpreter_used", "consent_contact", "consent_show_name"):
            flag = _boolean(data[column])
            if flag is None:
                parsed.errors.append(
                    RowError(number, column, _("Write “yes” or “no” (or leave it empty)."))
                )
                booleans_ok = False
            data[column] = bool(flag)
        right_key = _right_key(row.get("right", ""), rights)
        if right_key is None:
            parsed.errors.append(
                RowError(
                    number,
                    "right",
                    _("No right %(value)s in this draft. Use its number (1 to %(count)d).")
                    % {"value": row.get("right", "")[:40], "count": len(rights)},
                )
            )
        form = ProvenanceFields(data={k: v for k, v in data.items() if v is not False})
        if not form.is_valid():
            for column, errors in form.errors.items():
                for error in errors:
                    parsed.errors.append(RowError(number, column, error))
            continue
        if right_key is None or not booleans_ok:
            continue
        clean = dict(form.cleaned_data)
        clean["received_on"] = clean["received_on"].isoformat()
        clean["right_key"] = right_key
        clean["row"] = number
        parsed.rows.append(clean)
    if not parsed.rows and not parsed.errors:
        parsed.file_error = _("The file has no comments in it.")
    return parsed


def parse_upload(upload, draft) -> ParsedFile:
    """Read an uploaded CSV or XLSX file and check it; never raises on bad input."""
    name = (upload.name or "").casefold()
    if upload.size > MAX_BYTES:
        return ParsedFile(file_error=_("The file is larger than 5 MB. Split it."))
    content = upload.read()
    try:
        if name.endswith(".xlsx"):
            header, body = _read_xlsx(content)
        elif name.endswith(".csv"):
            header, body = _read_csv(content)
        else:
            return ParsedFile(file_error=_("Upload a .csv or .xlsx file."))
    except ValueError as error:
        return ParsedFile(file_error=str(error))
    if not header:
        return ParsedFile(file_error=_("The file has no comments in it."))
    return validate_rows(header, body, draft)


def template_csv() -> bytes:
    out = io.StringIO()
    writer = csv.writer(out)
    writer.writerow(COLUMNS)
    return ("\ufeff" + out.getvalue()).encode("utf-8")


def instructions() -> list[tuple[str, str]]:
    return [
        ("channel", _("phone, in_person, meeting, mail or email")),
        ("received_on", _("Date received, like 2025-03-31")),
        ("right", _("The right's number (see the sheet “rights”); empty for the whole draft")),
        ("language", _("Language code: en, ko, es, zh-hans, vi, so, tl, am or ru")),
        ("stance", _("agree, disagree, unsure or none (empty means none)")),
        ("text", _("The comment, as written or said")),
        ("taken_by", _("Staff member who took it")),
        ("interpreter_used", _("yes or no")),
        ("interpreter_language", _("The interpreter's language, if one was used")),
        ("text_form", _("verbatim (word for word) or paraphrase (summary)")),
        ("source_detail", _("Meeting, letter or call details (optional)")),
        ("name", _("Resident's name (optional)")),
        ("email", _("Resident's email (optional)")),
        ("district", _("Neighbourhood or district (optional)")),
        ("consent_contact", _("yes if the resident agreed that the city may contact them")),
        ("consent_show_name", _("yes if the resident agreed to show their name")),
    ]


def template_xlsx(draft) -> bytes:
    """The import template: an empty comments sheet, the draft's rights, and instructions."""
    from openpyxl import Workbook

    workbook = Workbook()
    sheet = workbook.active
    sheet.title = "comments"
    sheet.append(COLUMNS)
    rights = workbook.create_sheet("rights")
    rights.append(["right", "title", "key"])
    for number, (key, title) in enumerate(right_titles(draft).items(), start=1):
        rights.append([number, safe_cell(title), key])
    help_sheet = workbook.create_sheet("instructions")
    help_sheet.append([_("Column"), _("What to write")])
    for column, text in instructions():
        help_sheet.append([column, safe_cell(str(text))])
    out = io.BytesIO()
    workbook.save(out)
    return out.getvalue()
