"""Template helpers for anything a resident sent, whichever app stored it."""

from django import template

from participation.references import display_reference

register = template.Library()


@register.filter
def reference_display(code: str) -> str:
    """ABCDEFGHJK -> ABCDE-FGHJK: easier to read out and copy."""
    return display_reference(code)
