"""Translating written survey answers in the admin (participation/translations/admin.py does
the work): a list of responses' written answers by language, and one answer's screen.
Translators see answers with personal data hidden, never who answered."""

from django.contrib.contenttypes.models import ContentType
from django.core.paginator import Paginator
from django.http import Http404
from django.shortcuts import get_object_or_404
from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.generic import TemplateView
from wagtail.admin.views.generic.base import WagtailAdminTemplateMixin
from wagtail.admin.views.generic.permissions import PermissionCheckedMixin

from config.languages import LANGUAGE_TABLE
from participation.references import display_reference
from participation.rules import translation_policy
from participation.translations.admin import Original, TranslateView
from participation.translations.selectors import translations_for_model
from survey.models.responses import SurveyResponse
from survey.selectors.responses import responses_to_translate, written_answers

PER_PAGE = 25


class AnswerTranslateListView(PermissionCheckedMixin, WagtailAdminTemplateMixin, TemplateView):
    permission_policy = translation_policy
    permission_required = "add"
    template_name = "survey/admin/translate_list.html"
    header_icon = "globe"
    page_title = gettext_lazy("Translate survey answers")

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        codes = [code for code, *_rest in LANGUAGE_TABLE]
        language = self.request.GET.get("language", "")
        language = language if language in codes else ""
        page = Paginator(responses_to_translate(language=language), PER_PAGE).get_page(
            self.request.GET.get("p")
        )
        found = translations_for_model(
            model=SurveyResponse, object_ids=[r.pk for r in page.object_list]
        )
        content_type_id = ContentType.objects.get_for_model(SurveyResponse).pk
        rows = []
        for response in page.object_list:
            for answer in written_answers(response):
                done = found.get((content_type_id, response.pk, answer["key"]), {})
                rows.append({"response": response, **answer, "translations": list(done.values())})
        context.update(
            languages=[(code, local) for code, _english, local, _bidi in LANGUAGE_TABLE],
            language=language,
            page_obj=page,
            rows=rows,
        )
        return context


class AnswerTranslateView(TranslateView):
    def get_original(self) -> Original:
        response = get_object_or_404(
            SurveyResponse.objects.select_related("page", "locale"), pk=self.kwargs["pk"]
        )
        answer = next(
            (a for a in written_answers(response) if a["key"] == self.kwargs["key"]), None
        )
        if answer is None:
            raise Http404
        return Original(
            model=SurveyResponse,
            object_id=response.pk,
            field_key=answer["key"],
            text=answer["text"],
            language=response.locale.language_code,
            heading=_("Response %(code)s: %(question)s")
            % {"code": display_reference(response.receipt_code), "question": answer["label"]},
            back_url=reverse("survey_translations:list"),
        )
