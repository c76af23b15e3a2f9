"""Template helpers shared by every public page."""

from django import template
from django.urls import translate_url
from django.utils.safestring import mark_safe
from django.utils.translation import get_language

from config.languages import LANGUAGE_TABLE

register = template.Library()


def _page_links(request, page) -> dict[str, str]:
    """URLs of this page's live translations, keeping any sub-route (e.g. compare/) and query."""
    base = page.get_url(request) or ""
    path = request.path if request is not None else base
    suffix = path[len(base) :] if base and path.startswith(base) else ""
    query = request.GET.urlencode() if request is not None else ""
    links = {}
    for translation in page.get_translations(inclusive=True).live().select_related("locale"):
        url = translation.get_url(request)
        if url:
            links[translation.locale.language_code] = url + suffix + (f"?{query}" if query else "")
    return links


@register.simple_tag(takes_context=True)
def language_links(context):
    """One entry per language: a link to this page in that language, or None when no
    published translation exists, so the switcher can say so instead of a silent fallback."""
    request = context.get("request")
    page = context.get("page")
    current = get_language()
    if page is not None and getattr(page, "pk", None):
        urls = _page_links(request, page)
    elif request is not None:
        full_path = request.get_full_path()
        urls = {code: translate_url(full_path, code) for code, *_rest in LANGUAGE_TABLE}
    else:
        urls = {}
    return [
        {
            "code": code,
            "english": english,
            "local": local,
            "url": urls.get(code),
            "current": code == current,
        }
        for code, english, local, _bidi in LANGUAGE_TABLE
    ]


@register.simple_tag(takes_context=True)
def render_panel(context, panel) -> str:
    """A panel another app added to this page (consultation/panels.py), rendered with the
    request so it can translate and build URLs."""
    return mark_safe(panel.render(context.get("request")))  # noqa: S308 - a rendered template


@register.filter
def panels_for(panels_by_key, key):
    return (panels_by_key or {}).get(key, [])


@register.filter
def principle_label(value: str) -> str:
    """The translated name of a principle key stored in a right block."""
    from consultation.principles import Principle

    try:
        return Principle(value).label
    except ValueError:
        return ""
