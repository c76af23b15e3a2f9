"""CSV and XLSX exports of a survey: one row per response, one column per question, with option
labels next to raw values. Every cell goes through the kernel's spreadsheet guard."""

import csv
import io

from django.utils import timezone
from django.utils.translation import gettext as _

from participation.channels import Channel
from participation.spreadsheet import safe_cell
from survey.fields.types import AGREEMENT_SCALE, CATEGORICAL_TYPES, OTHER_SUFFIX, FieldType
from survey.selectors.responses import (
    answer_values,
    language_name,
    option_labels,
    survey_responses,
    visible_answers,
)

LABELLED_TYPES = CATEGORICAL_TYPES | {FieldType.RANKING}


def _columns(survey) -> list[tuple[str, object]]:
    """(header, function from form_data to cell) for each exported column."""
    raw = _("%(question)s [value]")
    columns = []
    for question in survey.questions():
        key, label = question.key, question.label
        if question.field_type == FieldType.EMAIL:
            withheld = _("(personal data, not exported)")
            columns.append((label, lambda data, key=key, w=withheld: w if data.get(key) else ""))
        elif question.field_type == FieldType.MATRIX:
            scale = {point: str(text) for point, text in AGREEMENT_SCALE}
            for statement_key, statement in question.statement_pairs():
                header = f"{label}: {statement}"
                point = _matrix_getter(key, statement_key)
                columns.append((header, lambda d, p=point, sc=scale: sc.get(p(d), "")))
                columns.append((raw % {"question": header}, lambda d, p=point: p(d) or ""))
        elif question.field_type in LABELLED_TYPES:
            if question.field_type == FieldType.RANKING:
                labels, joiner = dict(question.options()), " > "
            else:
                labels, joiner = dict(option_labels(question)), "; "
            columns.append((label, _label_getter(question, labels, joiner)))
            columns.append((raw % {"question": label}, _raw_getter(question)))
            if question.allow_other:
                other = f"{label}: {_('Other (please say)')}"
                columns.append((other, lambda d, k=key + OTHER_SUFFIX: d.get(k, "")))
        else:
            columns.append((label, lambda d, k=key: d.get(k, "")))
    return columns


def _matrix_getter(key: str, statement_key: str):
    return lambda data: (data.get(key) or {}).get(statement_key)


def _label_getter(question, labels: dict, joiner: str):
    def get(data):
        values = answer_values(question, data.get(question.key))
        return joiner.join(labels.get(value, value) for value in values)

    return get


def _raw_getter(question):
    numeric = question.field_type in (FieldType.LIKERT, FieldType.RATING)

    def get(data):
        value = data.get(question.key)
        if value is None or value == "":
            return ""
        if numeric:
            return int(value)
        if isinstance(value, list):
            return ";".join(value)
        return value

    return get


def export_table(*, survey) -> tuple[list[str], list[list]]:
    columns = _columns(survey)
    headers = [_("Response"), _("Submitted"), _("Language"), _("Channel")]
    headers += [header for header, _getter in columns]
    rows = []
    for response in survey_responses(survey=survey):
        data = visible_answers(response)
        row = [
            response.pk,
            timezone.localtime(response.submit_time).replace(tzinfo=None, microsecond=0),
            language_name(response.locale.language_code),
            str(Channel(response.channel).label),
        ]
        row += [getter(data) for _header, getter in columns]
        rows.append(row)
    return headers, rows


def to_csv(*, survey) -> bytes:
    headers, rows = export_table(survey=survey)
    buffer = io.StringIO()
    writer = csv.writer(buffer)
    writer.writerow([safe_cell(header) for header in headers])
    for row in rows:
        writer.writerow(
            [
                value.isoformat(sep=" ") if hasattr(value, "isoformat") else safe_cell(value)
                for value in row
            ]
        )
    # A byte-order mark lets spreadsheet programs detect UTF-8 (Korean, Amharic, Chinese...).
    return ("\ufeff" + buffer.getvalue()).encode("utf-8")


def to_xlsx(*, survey) -> bytes:
    from openpyxl import Workbook
    from openpyxl.styles import Font

    headers, rows = export_table(survey=survey)
    workbook = Workbook()
    sheet = workbook.active
    sheet.title = _("Responses")[:31]
    sheet.append([safe_cell(header) for header in headers])
    for cell in sheet[1]:
        cell.font = Font(bold=True)
    for row in rows:
        sheet.append([safe_cell(value) for value in row])
    sheet.freeze_panes = "B2"
    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()
