"""``{% readability_panel page %}``: the plain-language panel outside the page editor, on
wagtail-localize's translation editor, where translators of a draft work."""

from django import template
from django.template.loader import render_to_string

from consultation.readability_admin.panels import page_language
from consultation.readability_admin.presenter import panel_context
from consultation.readability_admin.rights import rights_readability

register = template.Library()


@register.simple_tag(takes_context=True)
def readability_panel(context, page):
    """The check of the translation as last saved; empty for anything but a draft."""
    from consultation.models import BillOfRightsDraftPage

    page = getattr(page, "specific", page)
    if not isinstance(page, BillOfRightsDraftPage):
        return ""
    if page.has_unpublished_changes:
        page = page.get_latest_revision_as_object()
    language = page_language(page)
    values = panel_context(rights_readability(body=page.body, language=language), language)
    values["preview_url"] = ""
    return render_to_string(
        "consultation/readability/translation_panel.html", values, request=context.get("request")
    )
