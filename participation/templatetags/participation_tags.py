"""Template helpers for anything a resident sent, whichever app stored it."""

from django import template

from config.languages import native_name
from participation import names
from participation.references import display_reference

register = template.Library()


@register.filter
def reference_display(code: str) -> str:
    """ABCDEFGHJK -> ABCDE-FGHJK: easier to read out and copy."""
    return display_reference(code)


@register.filter
def language_native(code: str) -> str:
    """A language's own name for itself (한국어, Soomaali), for labels beside its text."""
    return native_name(code)


@register.filter
def channel_name(value: str) -> str:
    """ "in_person" -> "In person" (participation/names.py)."""
    return names.channel_name(value)


@register.filter
def language_name(code: str) -> str:
    return names.language_name(code)
