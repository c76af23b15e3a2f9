"""Registers the plain-language report and the panel's refresh URL in the Wagtail admin;
imported by consultation/wagtail_hooks.py, which Wagtail loads."""

from django.urls import include, path, reverse
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.menu import MenuItem

from consultation import rules
from consultation.readability_admin import views

readability_urls = (
    [
        path("", views.ReadabilityReportView.as_view(), name="report"),
        path("preview/", views.preview, name="preview"),
    ],
    "consultation_readability",
)


@hooks.register("register_admin_urls")
def register_readability_urls():
    return [path("plain-language/", include(readability_urls))]


class ReadabilityMenuItem(MenuItem):
    def is_shown(self, request):
        return rules.can_check_readability(request.user)


@hooks.register("register_reports_menu_item")
def register_readability_report():
    return ReadabilityMenuItem(
        _("Plain-language check"),
        reverse("consultation_readability:report"),
        name="plain-language-check",
        icon_name="doc-full",
        order=900,
    )
