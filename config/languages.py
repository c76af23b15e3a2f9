"""The nine languages the platform serves, in one table.

Django knows ko, es, zh-hans, vi and ru but not Somali, Tagalog or Amharic, so those get their
LANG_INFO entries here. Settings, templates and the analysis code all read this one table.
"""

from django.utils.translation import gettext_lazy as _

# (Wagtail/Django code, English name for admin lists, name in the language itself, bidi)
LANGUAGE_TABLE = (
    ("en", _("English"), "English", False),
    ("ko", _("Korean"), "한국어", False),
    ("es", _("Spanish"), "Español", False),
    ("zh-hans", _("Simplified Chinese"), "简体中文", False),
    ("vi", _("Vietnamese"), "Tiếng Việt", False),
    ("so", _("Somali"), "Soomaali", False),
    ("tl", _("Tagalog"), "Tagalog", False),
    ("am", _("Amharic"), "አማርኛ", False),
    ("ru", _("Russian"), "Русский", False),
)

LANGUAGE_CODES = tuple(code for code, *_rest in LANGUAGE_TABLE)

EXTRA_LANG_INFO = {
    "so": {"bidi": False, "code": "so", "name": "Somali", "name_local": "Soomaali"},
    "tl": {"bidi": False, "code": "tl", "name": "Tagalog", "name_local": "Tagalog"},
    "am": {"bidi": False, "code": "am", "name": "Amharic", "name_local": "አማርኛ"},
}


def native_name(code: str) -> str:
    """The language's name in itself, used by the language switcher."""
    for row_code, _english, local, _bidi in LANGUAGE_TABLE:
        if row_code == code:
            return local
    return code
