"""Template helpers for comments on public pages."""

from django import template
from django.utils.translation import gettext_lazy as _

from config.languages import native_name
from participation.references import display_reference

register = template.Library()

STANCE_PUBLIC_LABELS = {
    "agree": _("Agrees"),
    "disagree": _("Disagrees"),
    "unsure": _("Not sure"),
    "none": _("No position given"),
}


@register.simple_tag
def comment_summaries(draft):
    """Comment counts and latest comments for every right of a draft (from the cache while
    current), with the reader's translations beside them."""
    from consultation.selectors import comment_summaries_cached

    return comment_summaries_cached(draft=draft)


@register.filter
def summary_for(summaries, key):
    from consultation.selectors import RightComments

    if not summaries:
        return RightComments(key=key or "")
    return summaries.get(key or "") or RightComments(key=key or "")


@register.filter
def reference_display(code: str) -> str:
    """ABCDEFGHJK -> ABCDE-FGHJK: easier to read out and copy."""
    return display_reference(code)


@register.filter
def language_local(code: str) -> str:
    return native_name(code)


@register.filter
def stance_public(value: str) -> str:
    return STANCE_PUBLIC_LABELS.get(value, "")


@register.simple_tag
def comments_open(draft) -> bool:
    from consultation.rules import can_comment

    return can_comment(None, draft.consultation)
