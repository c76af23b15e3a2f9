"""A reviewer's look at the personal data hidden in one survey response: each written answer
as given (what was hidden marked) beside what staff, exports and the analysis read, with
confirm, undo and edit. Permission: survey/rules.py "review" (administrators, moderators)."""

from django import forms
from django.contrib import messages
from django.shortcuts import get_object_or_404, redirect
from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.generic import TemplateView
from wagtail.admin.views.generic.base import WagtailAdminTemplateMixin
from wagtail.admin.views.generic.permissions import PermissionCheckedMixin

from participation.redaction import marked_segments
from participation.references import display_reference
from survey import rules, services
from survey.logic import written_answer_keys
from survey.models.responses import SurveyResponse

DECISIONS = [
    (services.privacy.CONFIRM, gettext_lazy("Confirm hiding")),
    (services.privacy.UNDO, gettext_lazy("Undo hiding")),
    (services.privacy.EDIT, gettext_lazy("Save edited versions")),
]


class ReviewForm(forms.Form):
    action = forms.ChoiceField(label=gettext_lazy("Decision"), choices=DECISIONS)


class RedactionReviewView(PermissionCheckedMixin, WagtailAdminTemplateMixin, TemplateView):
    permission_policy = rules.response_policy
    permission_required = "review"
    template_name = "survey/admin/redaction_review.html"
    header_icon = "warning"

    def dispatch(self, request, *args, **kwargs):
        self.response = get_object_or_404(
            SurveyResponse.objects.select_related("page", "locale"), pk=kwargs["pk"]
        )
        return super().dispatch(request, *args, **kwargs)

    def get_page_title(self):
        return _("Personal data in response %(code)s") % {
            "code": display_reference(self.response.receipt_code)
        }

    def _answers(self) -> list[dict]:
        response = self.response
        rows = []
        for question in response.page.specific.questions():
            for key in written_answer_keys([question]):
                text = response.form_data.get(key)
                if not isinstance(text, str) or not text:
                    continue
                rows.append(
                    {
                        "key": key,
                        "label": question.label,
                        "segments": marked_segments(text, response.redaction_spans.get(key, [])),
                        "public": response.public_answer(key),
                    }
                )
        return rows

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context.update(response=self.response, answers=self._answers(), errors=kwargs.get("errors"))
        return context

    def post(self, request, *args, **kwargs):
        form = ReviewForm(request.POST)
        if not form.is_valid():
            return self.render_to_response(self.get_context_data(errors=True), status=400)
        edited = {
            k[len("answer-") :]: v for k, v in request.POST.items() if k.startswith("answer-")
        }
        try:
            services.survey_redaction_decide(
                response=self.response,
                user=request.user,
                action=form.cleaned_data["action"],
                answers=edited,
            )
        except services.RedactionError:
            messages.error(request, _("An edited answer cannot be empty."))
            return self.render_to_response(self.get_context_data(errors=True), status=400)
        messages.success(request, _("Saved the decision about personal data."))
        return redirect(reverse("survey_responses:index") + "?redaction_state=detected")
