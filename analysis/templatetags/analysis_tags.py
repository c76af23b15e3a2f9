"""Template helpers for analysis pages and for the draft comparison, which shows for each
changed right the themes behind it (and nothing at all when there is no analysis yet)."""

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


@register.simple_tag(takes_context=True)
def right_change_reasons(context, draft):
    """Right key -> {"themes": [...], "what_we_did": [...]} for a draft, cached per request."""
    from analysis.reports.public import right_change_reasons as reasons

    cache = context.render_context.setdefault("analysis_right_reasons", {})
    if draft is None:
        return {}
    if draft.pk not in cache:
        cache[draft.pk] = reasons(draft=draft)
    return cache[draft.pk]
