"""The one guard every spreadsheet the app writes (CSV and XLSX exports, import templates) puts
each cell through. Pure Python."""

import re

# Text a spreadsheet would run as a formula: OWASP "CSV injection", including the full-width
# forms (＝＋－＠) some spreadsheet programs also accept.
FORMULA_START = ("=", "+", "-", "@", "\t", "\r", "\uff1d", "\uff0b", "\uff0d", "\uff20")
# Characters XML 1.0 (and so XLSX) cannot hold: C0 controls other than tab, line feed and
# carriage return, lone surrogates, and the non-characters U+FFFE and U+FFFF.
XML_ILLEGAL = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff\ufffe\uffff]")


def safe_cell(value):
    """A cell value every spreadsheet shows as text: formula-like text gets a leading
    apostrophe, characters a workbook cannot store are dropped. Numbers, dates and None pass
    through unchanged."""
    if not isinstance(value, str):
        return value
    value = XML_ILLEGAL.sub("", value)
    if value.startswith(FORMULA_START):
        return "'" + value
    return value


def safe_row(values) -> list:
    return [safe_cell(value) for value in values]
