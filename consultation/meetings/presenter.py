"""Rows the meeting templates show, from the page's StreamFields: each language in its own
name, and attendance by language with the total of those not counted by language."""

from config.languages import LANGUAGE_TABLE

NAMES = {code: (english, local) for code, english, local, _bidi in LANGUAGE_TABLE}


def language_rows(stream) -> list[dict]:
    rows = []
    for block in stream:
        code = block.value["language"]
        english, local = NAMES.get(code, (code, code))
        rows.append(
            {
                "code": code,
                "name": local,
                "english": english,
                "interpreted": block.value["interpreted"],
            }
        )
    return rows


def attendance_rows(stream) -> list[dict]:
    rows = []
    for block in stream:
        code = block.value["language"]
        english, local = NAMES.get(code, (code, code))
        rows.append({"code": code, "name": local, "count": block.value["count"] or 0})
    return rows
