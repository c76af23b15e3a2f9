"""Template helpers for the analysis screens and public pages."""

from django import template

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
