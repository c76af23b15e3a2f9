"""Every shipped catalogue is complete and compiled: a resident never meets an English string
or a broken placeholder because a translation was left empty, fuzzy or uncompiled."""

import re
from pathlib import Path

import polib
import pytest

ROOT = Path(__file__).resolve().parent.parent
CATALOGUE_DIRS = (
    "config/locale",
    "participation/locale",
    "consultation/locale",
    "survey/locale",
    "analysis/locale",
)
PO_FILES = sorted(
    path for folder in CATALOGUE_DIRS for path in (ROOT / folder).glob("*/LC_MESSAGES/django.po")
)
PYTHON_FORMAT = re.compile(r"%\((\w+)\)[sdif]|%[sdif]")
BRACE_FORMAT = re.compile(r"\{(\w*)\}")


def catalogue_id(path: Path) -> str:
    return str(path.relative_to(ROOT))


def placeholders(text: str, flags: list[str]) -> list[str]:
    found = []
    if "python-format" in flags:
        found += [m.group(0) for m in PYTHON_FORMAT.finditer(text)]
    if "python-brace-format" in flags:
        found += [m.group(0) for m in BRACE_FORMAT.finditer(text)]
    return sorted(found)


def translations(entry: polib.POEntry) -> list[str]:
    if entry.msgid_plural:
        return [entry.msgstr_plural[k] for k in sorted(entry.msgstr_plural)]
    return [entry.msgstr]


def test_the_project_ships_catalogues():
    assert any(catalogue_id(p).startswith("config/locale") for p in PO_FILES)


@pytest.mark.parametrize("po_path", PO_FILES, ids=catalogue_id)
def test_every_string_is_translated_and_none_is_fuzzy(po_path):
    po = polib.pofile(str(po_path))
    empty = [e.msgid for e in po if not e.obsolete and not all(translations(e))]
    fuzzy = [e.msgid for e in po if "fuzzy" in e.flags]
    assert empty == []
    assert fuzzy == []


@pytest.mark.parametrize("po_path", PO_FILES, ids=catalogue_id)
def test_placeholders_match_between_source_and_translation(po_path):
    po = polib.pofile(str(po_path))
    mismatched = []
    for entry in po:
        if entry.obsolete:
            continue
        for source in filter(None, (entry.msgid, entry.msgid_plural)):
            expected = set(placeholders(source, entry.flags))
            for translated in translations(entry):
                if translated and set(placeholders(translated, entry.flags)) != expected:
                    mismatched.append((entry.msgid, translated))
    assert mismatched == []


@pytest.mark.parametrize("po_path", PO_FILES, ids=catalogue_id)
def test_compiled_catalogue_matches_its_source(po_path):
    mo_path = po_path.with_suffix(".mo")
    assert mo_path.exists(), (
        f"{catalogue_id(mo_path)} is missing: run python -m config.compile_messages"
    )
    po = polib.pofile(str(po_path))
    mo = polib.mofile(str(mo_path))

    def pairs(catalogue) -> dict:
        return {
            (e.msgctxt, e.msgid): tuple(translations(e))
            for e in catalogue
            if e.msgid and not e.obsolete and "fuzzy" not in e.flags
        }

    assert pairs(mo) == pairs(po)
