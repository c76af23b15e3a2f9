"""Reading a spreadsheet of comments: CSV (UTF-8) or XLSX, checked row by row with the same
rules as the intake form, and the downloadable template. Nothing here writes to the database.
"""

from __future__ import annotations

import csv
import io
import time
import zipfile
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from datetime import date, datetime
from itertools import islice

from django.conf import settings
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy as _lazy

from consultation.intake.forms import ProvenanceFields
from consultation.selectors import right_titles
from participation.querystring import positive_int
from participation.spreadsheet import safe_cell

MAX_BYTES = 5 * 1024 * 1024
# What an XLSX may unpack to: a full legitimate file (5,000 rows of 16 columns with long
# comments) unpacks to well under this, while a small file of 200,000 rows does not. openpyxl
# scans a whole sheet that lacks a size before the first row is read, so this bounds the work.
MAX_UNPACKED_BYTES = 5 * MAX_BYTES
MAX_ROWS = 5000  # comments (and rows with problems) in one file
MAX_SHEET_ROWS = 2 * MAX_ROWS  # rows read at most, blank ones included
TOO_MANY_ROWS = _lazy("The file has more than %(count)d rows. Split it.")
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


def time_budget() -> float:
    """Seconds a file may take to check (COMMENT_IMPORT_TIME_BUDGET, default 60: a full
    5,000-row file takes about 15 s on two busy cores)."""
    return float(getattr(settings, "COMMENT_IMPORT_TIME_BUDGET", 60))


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


def _csv_rows(content: bytes) -> Iterator[list[str]]:
    """Rows of a UTF-8 CSV file, read one at a time."""
    try:
        text = content.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        raise ValueError(
            _(
                "The file is not in UTF-8. In your spreadsheet program save it as "
                "“CSV UTF-8”, or upload an XLSX file."
            )
        ) from error
    try:
        yield from csv.reader(io.StringIO(text, newline=""))
    except csv.Error as error:
        raise ValueError(_("The file could not be read as CSV.")) from error


def _xlsx_rows(content: bytes) -> Iterator[list[str]]:
    """Rows of the first sheet, streamed (openpyxl's read-only mode), after checking that the
    file does not unpack into far more than it weighs (a "zip bomb")."""
    from openpyxl import load_workbook
    from openpyxl.utils.exceptions import InvalidFileException

    unreadable = _("The file could not be read as an XLSX workbook.")
    try:
        with zipfile.ZipFile(io.BytesIO(content)) as archive:
            unpacked = sum(info.file_size for info in archive.infolist())
        if unpacked > MAX_UNPACKED_BYTES:
            raise ValueError(_("The file holds more than an import can check. Split it."))
        workbook = load_workbook(io.BytesIO(content), read_only=True, data_only=False)
    except (zipfile.BadZipFile, InvalidFileException, KeyError, OSError) as error:
        raise ValueError(unreadable) from error
    try:
        for row in workbook.worksheets[0].iter_rows(values_only=True):
            yield [_cell(value) for value in row]
    except (zipfile.BadZipFile, KeyError, OSError, IndexError) as error:
        raise ValueError(unreadable) from error
    finally:
        workbook.close()


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
    number = positive_int(value)
    if number is not None and 1 <= number <= len(keys):
        return keys[number - 1]
    return value if value in rights else None


def _check_row(row: dict[str, str], number: int, rights: dict[str, str]):
    """One row with the intake form's rules: (cleaned row or None, its problems)."""
    errors: list[RowError] = []
    data = {column: row.get(column, "") for column in COLUMNS if column != "right"}
    data["stance"] = data["stance"].strip().casefold() or "none"
    for column in ("channel", "language", "text_form"):
        data[column] = data[column].strip().casefold()
    for column in ("interpreter_used", "consent_contact", "consent_show_name"):
        flag = _boolean(data[column])
        if flag is None:
            errors.append(RowError(number, column, _("Write “yes” or “no” (or leave it empty).")))
        data[column] = bool(flag)
    right_key = _right_key(row.get("right", ""), rights)
    if right_key is None:
        message = _("No right %(value)s in this draft. Use its number (1 to %(count)d).") % {
            "value": row.get("right", "")[:40],
            "count": len(rights),
        }
        errors.append(RowError(number, "right", message))
    form = ProvenanceFields(data={k: v for k, v in data.items() if v is not False})
    if not form.is_valid():
        for column, messages in form.errors.items():
            errors += [RowError(number, column, message) for message in messages]
    if errors:
        return None, errors
    clean = dict(form.cleaned_data)
    clean["received_on"] = clean["received_on"].isoformat()
    clean["right_key"] = right_key
    clean["row"] = number
    return clean, []


def _missing_columns(names: list[str]) -> str:
    missing = [column for column in REQUIRED_COLUMNS if column not in names]
    if not missing:
        return ""
    return _("These columns are missing: %(columns)s. Use the template.") % {
        "columns": ", ".join(missing)
    }


def _too_many(rows: list) -> bool:
    """Whether a file holds more rows than an import takes, counted before any row is
    checked, so an oversized file is refused at the cost of reading, not of checking."""
    if len(rows) > MAX_SHEET_ROWS:
        return True
    filled = sum(1 for values in rows if any(_cell(value).strip() for value in values))
    return filled > MAX_ROWS


def validate_rows(header: list[str], body: Iterable[list[str]], draft, *, budget=None):
    """Check the rows and report every problem with its spreadsheet row number (the header is
    row 1), so staff can fix the file in one pass. At most MAX_SHEET_ROWS + 1 rows are read
    (an oversized file is refused unread beyond that), and checking stops when the time
    budget runs out."""
    parsed = ParsedFile()
    names = [str(name or "").strip().casefold() for name in header]
    parsed.file_error = _missing_columns(names)
    if parsed.file_error:
        return parsed
    rows = list(islice(body, MAX_SHEET_ROWS + 1))
    if _too_many(rows):
        parsed.file_error = TOO_MANY_ROWS % {"count": MAX_ROWS}
        return parsed
    rights = right_titles(draft)
    deadline = time.monotonic() + (budget if budget is not None else time_budget())
    for offset, values in enumerate(rows):
        if time.monotonic() > deadline:
            parsed.file_error = _("The file took too long to check. Split it into smaller files.")
            return parsed
        row = {name: _cell(values[i]) if i < len(values) else "" for i, name in enumerate(names)}
        if not any(value.strip() for value in row.values()):
            continue
        clean, errors = _check_row(row, offset + 2, rights)
        parsed.errors += errors
        if clean is not None:
            parsed.rows.append(clean)
    if not parsed.rows and not parsed.errors:
        parsed.file_error = _("The file has no comments in it.")
    return parsed


def parse_upload(upload, draft) -> ParsedFile:
    """Read an uploaded CSV or XLSX file and check it as it streams; never raises on bad
    input."""
    name = (upload.name or "").casefold()
    if upload.size > MAX_BYTES:
        return ParsedFile(file_error=_("The file is larger than 5 MB. Split it."))
    if name.endswith(".xlsx"):
        rows = _xlsx_rows(upload.read())
    elif name.endswith(".csv"):
        rows = _csv_rows(upload.read())
    else:
        return ParsedFile(file_error=_("Upload a .csv or .xlsx file."))
    try:
        header = next(rows, None)
        if not header:
            return ParsedFile(file_error=_("The file has no comments in it."))
        return validate_rows(header, rows, draft)
    except ValueError as error:
        return ParsedFile(file_error=str(error))


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
