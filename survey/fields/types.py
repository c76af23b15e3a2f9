"""The question types editors choose from, and how options get keys that stay the same in every
language: answers are stored by key, so Korean and English responses land in the same column."""

from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.contrib.forms.utils import get_field_clean_name

OTHER_KEY = "other"
OTHER_SUFFIX = "__other"


class FieldType(models.TextChoices):
    SHORT_TEXT = "singleline", _("Short text")
    LONG_TEXT = "multiline", _("Long text")
    SINGLE_CHOICE = "radio", _("Single choice")
    MULTIPLE_CHOICE = "checkboxes", _("Multiple choice")
    DROPDOWN = "dropdown", _("Dropdown")
    LIKERT = "likert", _("Agreement scale (5 points)")
    RATING = "rating", _("Rating from 0 to 10")
    RANKING = "ranking", _("Ranking of options")
    MATRIX = "matrix", _("Matrix: statements on the agreement scale")
    NUMBER = "number", _("Number")
    DATE = "date", _("Date")
    EMAIL = "email", _("Email address")
    SECTION = "section", _("Section break (starts a new step)")


# Types whose answers are keys chosen from a list; results count them and cross-tabs use them.
OPTION_TYPES = frozenset({FieldType.SINGLE_CHOICE, FieldType.MULTIPLE_CHOICE, FieldType.DROPDOWN})
CATEGORICAL_TYPES = OPTION_TYPES | {FieldType.LIKERT, FieldType.RATING}
FREE_TEXT_TYPES = frozenset({FieldType.SHORT_TEXT, FieldType.LONG_TEXT})
NEEDS_OPTIONS = OPTION_TYPES | {FieldType.RANKING}
OTHER_ALLOWED = OPTION_TYPES

SHORT_TEXT_LIMIT = 255
LONG_TEXT_LIMIT = 4000
RATING_RANGE = range(0, 11)

AGREEMENT_SCALE = (
    (1, _("Strongly disagree")),
    (2, _("Disagree")),
    (3, _("Neither agree nor disagree")),
    (4, _("Agree")),
    (5, _("Strongly agree")),
)


def split_lines(text: str) -> list[str]:
    """Options and statements are written one per line; blank lines are ignored."""
    return [line.strip() for line in (text or "").splitlines() if line.strip()]


def key_for(label: str, taken: set[str], position: int) -> str:
    """An ASCII key for an option, unique within its question."""
    base = get_field_clean_name(label)[:60] or f"option_{position}"
    if base == OTHER_KEY:
        base = "other_option"
    key, suffix = base, 2
    while key in taken:
        key, suffix = f"{base}_{suffix}", suffix + 1
    taken.add(key)
    return key


def merge_keys(labels: list[str], previous: list[tuple[str, str]], current: list[str]) -> list[str]:
    """Keys for a list of options. While the number of options is unchanged, every option keeps
    its key (so a corrected label, or a translation, does not move old answers); when options are
    added or removed, unchanged labels keep their key and new ones get a fresh one."""
    if current and len(current) == len(labels):
        return list(current)
    by_label = dict(previous)
    taken: set[str] = set()
    keys = []
    for position, label in enumerate(labels, start=1):
        old = by_label.get(label)
        if old and old not in taken:
            taken.add(old)
            keys.append(old)
        else:
            keys.append(key_for(label, taken, position))
    return keys
