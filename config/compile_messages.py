"""Tidy and compile every .po catalogue with polib, so no GNU gettext is needed on a new machine.

`python -m config.compile_messages` fills in each catalogue's header (language, plural rule:
makemessages leaves them blank for languages Django does not know) and writes the .mo files,
which are committed next to their .po so a fresh clone runs without compiling anything.
"""

import sys
from pathlib import Path

import polib

ROOT = Path(__file__).resolve().parent.parent
CATALOGUE_DIRS = (
    "config/locale",
    "participation/locale",
    "consultation/locale",
    "survey/locale",
    "analysis/locale",
)

PLURAL_FORMS = {
    "ko": "nplurals=1; plural=0;",
    "zh_Hans": "nplurals=1; plural=0;",
    "vi": "nplurals=1; plural=0;",
    "es": "nplurals=2; plural=(n != 1);",
    "so": "nplurals=2; plural=(n != 1);",
    "tl": "nplurals=2; plural=(n != 1 && n != 0);",
    "am": "nplurals=2; plural=(n > 1);",
    "ru": (
        "nplurals=3; plural=(n%10==1 && n%100!=11 ? 0 : n%10>=2 && n%10<=4 && "
        "(n%100<12 || n%100>14) ? 1 : 2);"
    ),
}


def catalogues() -> list[Path]:
    found = []
    for folder in CATALOGUE_DIRS:
        found.extend(sorted((ROOT / folder).glob("*/LC_MESSAGES/django.po")))
    return found


def tidy_header(po: polib.POFile, language: str) -> None:
    po.metadata.update(
        {
            "Project-Id-Version": "consult-platform",
            "Language": language,
            "Plural-Forms": PLURAL_FORMS.get(language, "nplurals=2; plural=(n != 1);"),
            "Content-Type": "text/plain; charset=UTF-8",
        }
    )
    po.metadata.pop("Last-Translator", None)
    po.metadata.pop("Language-Team", None)
    po.header = "Translations of the consultation platform's interface."
    po.metadata_is_fuzzy = False


def main() -> int:
    for po_path in catalogues():
        language = po_path.parent.parent.name
        po = polib.pofile(str(po_path), wrapwidth=100)
        tidy_header(po, language)
        po.save(str(po_path))
        po.save_as_mofile(str(po_path.with_suffix(".mo")))
        print(f"compiled {po_path.relative_to(ROOT)}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
