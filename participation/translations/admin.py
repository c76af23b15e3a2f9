"""The staff screen for translating one text a resident wrote, shared by comments and survey
answers: the original (personal data hidden) with its language, every translation so far with
who made it and when, and a form for a new one. Each app subclasses it to say what the text is
and where it lives; participation/rules.py says who may use it."""

from __future__ import annotations

from dataclasses import dataclass

from django import forms
from django.contrib import messages
from django.core.exceptions import ValidationError
from django.shortcuts import redirect
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.generic import TemplateView
from wagtail.admin.views.generic.base import WagtailAdminTemplateMixin
from wagtail.admin.views.generic.permissions import PermissionCheckedMixin

from config.languages import LANGUAGE_TABLE
from participation.rules import translation_policy
from participation.translations.selectors import translation_history
from participation.translations.services import translation_add


@dataclass(frozen=True)
class Original:
    """What is translated: the model and row, the field ("" for a comment), the public text
    and its language, a heading, and where the screen leads back to."""

    model: type
    object_id: int
    field_key: str
    text: str
    language: str
    heading: str
    back_url: str


class TranslationForm(forms.Form):
    language = forms.ChoiceField(label=gettext_lazy("Translate into"))
    text = forms.CharField(
        label=gettext_lazy("Translation"), widget=forms.Textarea(attrs={"rows": 6})
    )

    def __init__(self, *args, source_language: str, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["language"].choices = [
            (code, f"{local} ({english})")
            for code, english, local, _bidi in LANGUAGE_TABLE
            if code != source_language
        ]


class TranslateView(PermissionCheckedMixin, WagtailAdminTemplateMixin, TemplateView):
    permission_policy = translation_policy
    permission_required = "add"
    template_name = "participation/admin/translate.html"
    header_icon = "globe"
    page_title = gettext_lazy("Translate")

    def get_original(self) -> Original:
        raise NotImplementedError

    def get_form(self, data=None) -> TranslationForm:
        original = self.original
        initial = {"language": "en" if original.language != "en" else ""}
        return TranslationForm(data, initial=initial, source_language=original.language)

    def dispatch(self, request, *args, **kwargs):
        self.original = None
        return super().dispatch(request, *args, **kwargs)

    def get(self, request, *args, **kwargs):
        self.original = self.get_original()
        return super().get(request, *args, **kwargs)

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        original = self.original
        context.setdefault("form", self.get_form())
        context.update(
            original=original,
            history=translation_history(
                model=original.model, object_id=original.object_id, field_key=original.field_key
            ),
        )
        return context

    def post(self, request, *args, **kwargs):
        self.original = original = self.get_original()
        form = self.get_form(request.POST)
        if form.is_valid():
            try:
                translation_add(
                    model=original.model,
                    object_id=original.object_id,
                    field_key=original.field_key,
                    source_language=original.language,
                    language=form.cleaned_data["language"],
                    text=form.cleaned_data["text"],
                    user=request.user,
                )
            except ValidationError as error:
                form.add_error("text", error)
        if not form.is_valid():
            return self.render_to_response(self.get_context_data(form=form), status=400)
        messages.success(request, _("Translation saved. The original is unchanged."))
        return redirect(request.get_full_path())
