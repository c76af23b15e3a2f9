"""Work every worker would otherwise repeat on its first request: load the nine languages'
catalogues, compile the page and error templates, build the URL resolver. gunicorn runs this
once in the master (config/gunicorn.py), so forked workers start warm and share the memory."""

from django.db import connections
from django.template import TemplateDoesNotExist
from django.template.loader import get_template
from django.urls import get_resolver
from django.utils import translation

from config.languages import LANGUAGE_CODES

TEMPLATES = (
    "base.html",
    "pages/home_page.html",
    "pages/consultation_page.html",
    "pages/bill_of_rights_draft_page.html",
    "pages/draft_comparison.html",
    "400.html",
    "403.html",
    "404.html",
    "429.html",
    "500.html",
    "503.html",
)


def warm_up() -> None:
    for code in LANGUAGE_CODES:
        with translation.override(code):
            translation.gettext("Customer Bill of Rights")
    for name in TEMPLATES:
        try:
            get_template(name)
        except TemplateDoesNotExist:
            continue
    get_resolver().url_patterns  # noqa: B018 - building the resolver is the point
    connections.close_all()  # workers must never share a connection opened by the master
