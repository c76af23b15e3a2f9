"""Template helpers for the analysis screens and public pages."""

from django import template
from django.utils.html import format_html

from analysis.models.themes import name_language

register = template.Library()


@register.filter
def get_item(mapping, key):
    if not mapping:
        return None
    return mapping.get(key)


@register.filter
def percent_of(part, whole):
    try:
        return round(100.0 * float(part) / float(whole)) if whole else 0
    except (TypeError, ValueError):
        return 0


@register.filter
def name_lang(theme) -> str:
    """See analysis.models.themes.name_language: a Theme or a report figures row."""
    return name_language(theme)


@register.simple_tag
def theme_name(theme):
    """A theme's name, in a span with its `lang` when that is known."""
    name = theme.get("name") if isinstance(theme, dict) else theme.name
    language = name_language(theme)
    if language:
        return format_html('<span lang="{}">{}</span>', language, name)
    return name or ""
