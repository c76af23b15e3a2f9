"""Translating comments in the admin (participation/translations/admin.py does the work):
a list of comments to translate, filtered by language, and one comment's translation screen.
Translators see only the public text, never contact details or rejected comments."""

from django.core.paginator import Paginator
from django.shortcuts import get_object_or_404
from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.generic import TemplateView
from wagtail.admin.views.generic.base import WagtailAdminTemplateMixin
from wagtail.admin.views.generic.permissions import PermissionCheckedMixin

from config.languages import LANGUAGE_TABLE
from consultation.models import Comment
from consultation.selectors.moderation import comments_to_translate
from participation.references import display_reference
from participation.rules import translation_policy
from participation.translations.admin import Original, TranslateView
from participation.translations.selectors import attach_translations

PER_PAGE = 50


class CommentTranslateListView(PermissionCheckedMixin, WagtailAdminTemplateMixin, TemplateView):
    permission_policy = translation_policy
    permission_required = "add"
    template_name = "consultation/admin/translate_list.html"
    header_icon = "globe"
    page_title = gettext_lazy("Translate comments")

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        codes = [code for code, *_rest in LANGUAGE_TABLE]
        language = self.request.GET.get("language", "")
        language = language if language in codes else ""
        paginator = Paginator(comments_to_translate(language=language), PER_PAGE)
        page = paginator.get_page(self.request.GET.get("p"))
        context.update(
            languages=[(code, local) for code, _english, local, _bidi in LANGUAGE_TABLE],
            language=language,
            page_obj=page,
            comments=attach_translations(page.object_list, model=Comment),
        )
        return context


class CommentTranslateView(TranslateView):
    def get_original(self) -> Original:
        comment = get_object_or_404(
            Comment.objects.exclude(status="rejected"), pk=self.kwargs["pk"]
        )
        return Original(
            model=Comment,
            object_id=comment.pk,
            field_key="",
            text=comment.public_text,
            language=comment.language,
            heading=_("Comment %(reference)s")
            % {"reference": display_reference(comment.reference)},
            back_url=reverse("comment_translations:list"),
        )
