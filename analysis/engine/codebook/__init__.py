"""The default codebook: the Customer Bill of Rights principles plus customer-service themes.

Names, descriptions and example phrases live in one JSON file per language under ``data/`` so
translators can review a language without reading code. English is the reference language.
"""

from __future__ import annotations

import json
from functools import cache
from importlib import resources

from ..languages import LANGUAGES
from ..types import CodebookTheme

PRINCIPLES = ("easy_understandable", "responsive", "fair_equitable", "results_oriented")

# Theme key -> the principle it serves (principles themselves have none).
THEME_PRINCIPLE: dict[str, str | None] = {
    "easy_understandable": None,
    "responsive": None,
    "fair_equitable": None,
    "results_oriented": None,
    "one_number": "easy_understandable",
    "waiting_times": "responsive",
    "callbacks_follow_up": "responsive",
    "request_tracking": "results_oriented",
    "language_access": "fair_equitable",
    "disability_access": "fair_equitable",
    "online_services": "easy_understandable",
    "respectful_staff": "fair_equitable",
    "accountability_results": "results_oriented",
    "fairness_cost": "fair_equitable",
}


@cache
def _load(lang: str) -> dict[str, dict]:
    path = resources.files(__package__).joinpath("data", f"{lang}.json")
    return json.loads(path.read_text(encoding="utf-8"))


def default_codebook() -> list[CodebookTheme]:
    """A fresh copy of the default codebook (callers may edit it freely)."""
    per_lang = {lang: _load(lang) for lang in LANGUAGES}
    themes = []
    for key, principle in THEME_PRINCIPLE.items():
        en = per_lang["en"][key]
        themes.append(
            CodebookTheme(
                key=key,
                name=en["name"],
                description=en["description"],
                examples={lang: list(per_lang[lang][key]["examples"]) for lang in LANGUAGES},
                principle=principle,
                names={lang: per_lang[lang][key]["name"] for lang in LANGUAGES},
                descriptions={lang: per_lang[lang][key]["description"] for lang in LANGUAGES},
            )
        )
    return themes
