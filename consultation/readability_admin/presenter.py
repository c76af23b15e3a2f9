"""Words for the numbers: translated labels, aims and suggestions for each measure, shared by
the editor panel and the report."""

from __future__ import annotations

from django.utils.formats import number_format
from django.utils.translation import gettext_lazy as _

from config.languages import LANGUAGE_TABLE
from consultation.readability import MIN, Measure, TextReadability, rules_for

PART_LABELS = {
    "title": _("Title"),
    "statement": _("Statement"),
    "commitment": _("Commitment"),
}

_LENGTH_LABELS = {
    ("sentence_length", "words"): _("Words per sentence, on average"),
    ("sentence_length", "eojeol"): _("Spaced words (eojeol) per sentence, on average"),
    ("sentence_length", "characters"): _("Characters per sentence, on average"),
    ("longest_sentence", "words"): _("Words in the longest sentence"),
    ("longest_sentence", "eojeol"): _("Spaced words (eojeol) in the longest sentence"),
    ("longest_sentence", "characters"): _("Characters in the longest sentence"),
}
_LONG_WORD_LABELS = {
    "syllables": _("Share of words with %(min)s or more syllables (%%)"),
    "characters": _("Share of words with %(min)s or more characters (%%)"),
    "letters": _("Share of words with %(min)s or more letters (%%)"),
}
_OTHER_LABELS = {
    "passive": _("Passive phrases"),
    "flesch_reading_ease": _("Flesch reading ease"),
    "flesch_kincaid_grade": _("Flesch-Kincaid grade level"),
    "fernandez_huerta": _("Fernández Huerta readability"),
    "szigriszt_pazos": _("Szigriszt-Pazos perspicuity (INFLESZ scale)"),
    "oborneva": _("Flesch reading ease, Oborneva's version for Russian"),
}
_TIPS = {
    "sentence_length": _("Try one idea per sentence."),
    "longest_sentence": _("Split the longest sentence in two."),
    "flesch_reading_ease": _("Shorter sentences and shorter words raise this score."),
    "fernandez_huerta": _("Shorter sentences and shorter words raise this score."),
    "szigriszt_pazos": _("Shorter sentences and shorter words raise this score."),
    "oborneva": _("Shorter sentences and shorter words raise this score."),
    "flesch_kincaid_grade": _("Shorter sentences and shorter words lower this grade."),
}
_DECIMALS = {"passive": 0, "longest_sentence": 0}
SHOWN_EXAMPLES = 6


def language_name(code: str) -> str:
    for row_code, english, _local, _bidi in LANGUAGE_TABLE:
        if row_code == code:
            return str(english)
    return code


def measure_label(measure: Measure, result: TextReadability) -> str:
    if measure.key == "long_words":
        unit = rules_for(result.language).long_word_unit
        template = _LONG_WORD_LABELS.get(unit, _LONG_WORD_LABELS["letters"])
        return template % {"min": result.long_word_min}
    if measure.key in ("sentence_length", "longest_sentence"):
        return str(_LENGTH_LABELS[(measure.key, measure.unit)])
    return str(_OTHER_LABELS.get(measure.key, measure.key))


def number(value, key: str) -> str:
    if value is None:
        return "–"
    return number_format(value, decimal_pos=_DECIMALS.get(key, 1), use_l10n=True)


def aim(measure: Measure) -> str:
    if measure.threshold is None:
        return ""
    whole = float(measure.threshold).is_integer()
    limit = number_format(measure.threshold, decimal_pos=0 if whole else 1, use_l10n=True)
    if measure.direction == MIN:
        return str(_("aim: at least %(limit)s") % {"limit": limit})
    return str(_("aim: at most %(limit)s") % {"limit": limit})


def tip(measure: Measure, result: TextReadability) -> str:
    if measure.key == "long_words":
        words = ", ".join(result.long_words[:SHOWN_EXAMPLES])
        return str(_("Try shorter, everyday words for: %(words)s") % {"words": words})
    if measure.key == "passive":
        phrases = "; ".join(result.passives[:SHOWN_EXAMPLES])
        return str(
            _("Say who does what (active voice) instead of: %(phrases)s") % {"phrases": phrases}
        )
    return str(_TIPS.get(measure.key, ""))


def measure_row(measure: Measure, result: TextReadability) -> dict:
    return {
        "key": measure.key,
        "label": measure_label(measure, result),
        "value": number(measure.value, measure.key),
        "aim": aim(measure),
        "over": measure.over,
        "tip": tip(measure, result) if measure.over else "",
    }


def suggestions(result: TextReadability) -> list[dict]:
    return [measure_row(m, result) for m in result.over]


def over_summary(result: TextReadability) -> str:
    """One line per report row and export cell: "label: value (aim)" for each measure over."""
    return "; ".join(
        f"{row['label']}: {row['value']} ({row['aim']})" for row in suggestions(result)
    )


def language_notes(language: str) -> list[str]:
    """Say plainly what is not measured for this language, and why."""
    rules = rules_for(language)
    name = language_name(language)
    notes = []
    if not rules.scores:
        notes.append(
            str(
                _(
                    "No reading-level formula has been published and tested for %(language)s "
                    "text, so the check shows length measures only."
                )
                % {"language": name}
            )
        )
    if rules.passives is None:
        notes.append(
            str(
                _(
                    "There is no passive-voice rule for %(language)s that the check can apply "
                    "reliably, so passive voice is not measured."
                )
                % {"language": name}
            )
        )
    return notes


def right_context(right) -> dict:
    """A right as the panel shows it: suggestions first, then every measure per part."""
    parts = [
        {
            "part": part.part,
            "label": PART_LABELS[part.part],
            "suggestions": suggestions(part.result),
        }
        for part in right.parts
    ]
    table = []
    for key in dict.fromkeys(m.key for part in right.parts for m in part.result.measures):
        cells, first = [], None
        for part in right.parts:
            measure = part.result.get(key)
            if measure is None:
                cells.append({"value": "–", "over": False, "measured": False})
                continue
            first = first or (measure, part.result)
            row = measure_row(measure, part.result)
            cells.append({"value": row["value"], "over": row["over"], "measured": True})
        label = measure_label(*first)
        table.append({"label": label, "aim": aim(first[0]), "cells": cells})
    return {
        "block_id": right.block_id,
        "number": right.number,
        "title": right.title,
        "parts": parts,
        "has_suggestions": any(p["suggestions"] for p in parts),
        "table": table,
    }


def panel_context(rights, language: str) -> dict:
    shown = [right_context(right) for right in rights]
    return {
        "language": language,
        "language_name": language_name(language),
        "notes": language_notes(language),
        "rights": shown,
        "rights_count": len(shown),
        "with_suggestions": sum(1 for right in shown if right["has_suggestions"]),
        "part_labels": [PART_LABELS[part] for part in ("title", "statement", "commitment")],
    }
