"""The readability panel in the page editor: a server-rendered summary of every right in the
draft's language, refreshed as the editor types by a small script (readability.js). It only
suggests: it adds no field and no validation, so it can never stop a save or a publish."""

from __future__ import annotations

from django.conf import settings
from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import Panel

from consultation.readability import canonical
from consultation.readability_admin.presenter import panel_context
from consultation.readability_admin.rights import rights_readability


def page_language(page) -> str:
    locale = getattr(page, "locale", None)
    return canonical(locale.language_code if locale else settings.LANGUAGE_CODE) or "en"


class ReadabilityPanel(Panel):
    def __init__(self, field_name: str = "body", **kwargs):
        kwargs.setdefault("heading", _("Plain-language check"))
        super().__init__(**kwargs)
        self.field_name = field_name

    def clone_kwargs(self):
        kwargs = super().clone_kwargs()
        kwargs["field_name"] = self.field_name
        return kwargs

    class BoundPanel(Panel.BoundPanel):
        template_name = "consultation/readability/panel.html"

        class Media:
            js = ["consultation/readability.js"]
            css = {"all": ["consultation/readability.css"]}

        def get_context_data(self, parent_context=None):
            context = super().get_context_data(parent_context)
            language = page_language(self.instance)
            body = getattr(self.instance, self.panel.field_name, None) or []
            context.update(
                panel_context(rights_readability(body=body, language=language), language)
            )
            context["preview_url"] = reverse("consultation_readability:preview")
            return context
