"""One spreadsheet-cell guard for every export: formulas are shown as text, characters a
workbook cannot hold are dropped, numbers and dates pass through."""

import io
from datetime import date

import pytest
from openpyxl import Workbook, load_workbook

from participation.spreadsheet import safe_cell, safe_row


@pytest.mark.parametrize(
    "text",
    ["=1+1", "+SUM(A1)", "-1", "@A1", "\tx", "\rx", "＝1+1", "＋cmd", "－2", "＠SUM(A1)"],
)
def test_every_formula_trigger_is_neutralised_including_full_width(text):
    assert safe_cell(text) == "'" + text


def test_plain_values_pass_through():
    assert safe_cell("plain") == "plain"
    assert safe_cell(5) == 5
    assert safe_cell(None) is None
    assert safe_cell(date(2025, 3, 31)) == date(2025, 3, 31)


def test_a_cell_with_a_noncharacter_or_control_still_saves_as_xlsx():
    workbook = Workbook()
    row = safe_row(["ok\ufffe", "bell\x07", "nul\x00", "keep\ttab\nline", "lone\ud800"])
    workbook.active.append(row)
    out = io.BytesIO()
    workbook.save(out)
    values = [cell.value for cell in next(load_workbook(out).active.iter_rows())]
    assert values == ["ok", "bell", "nul", "keep\ttab\nline", "lone"]
