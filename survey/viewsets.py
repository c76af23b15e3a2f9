"""Survey responses on Wagtail's model viewset: every response of every survey with filters
(survey, language, channel, date), a CSV/XLSX export of what the filters show (through the
kernel's cell guard) and each response's answers. Nobody edits a response; deleting one is an
administrator's permission (survey/rules.py), and every deletion is audited (survey/handlers)."""

import django_filters
from django.urls import path, reverse
from django.utils.translation import gettext_lazy as _
from wagtail.actions.delete import DeleteAction
from wagtail.admin.filters import DateRangePickerWidget, WagtailFilterSet
from wagtail.admin.views.generic.models import IndexView
from wagtail.admin.viewsets.model import ModelViewSet
from wagtail.models import Locale

from participation.channels import Channel
from participation.exports import GuardedExportMixin
from participation.redaction import RedactionState
from survey import rules
from survey.models.pages import SurveyPage
from survey.models.responses import SurveyResponse
from survey.views.redactions import RedactionReviewView


def _source_surveys(request):
    return SurveyPage.objects.filter(
        pk__in=SurveyResponse.objects.values("page_id").distinct()
    ).order_by("title")


class SurveyResponseFilterSet(WagtailFilterSet):
    page = django_filters.ModelChoiceFilter(
        label=_("Survey"), queryset=_source_surveys, empty_label=_("Any")
    )
    locale = django_filters.ModelChoiceFilter(
        label=_("Language"), queryset=Locale.objects.all(), empty_label=_("Any")
    )
    channel = django_filters.ChoiceFilter(
        label=_("Channel"), choices=Channel.choices, empty_label=_("Any")
    )
    submit_time = django_filters.DateFromToRangeFilter(
        label=_("Submitted"), widget=DateRangePickerWidget
    )
    redaction_state = django_filters.ChoiceFilter(
        label=_("Personal data"), choices=RedactionState.choices, empty_label=_("Any")
    )

    class Meta:
        model = SurveyResponse
        fields = []


class SurveyResponseIndexView(GuardedExportMixin, IndexView):
    def get_edit_url(self, instance):
        """Reviewers open a response's personal-data review; everyone else its answers."""
        if instance.has_personal_data and rules.can_review_redactions(self.request.user):
            return reverse("survey_responses:review", args=[instance.pk])
        return None


class SurveyResponseDeleteAction(DeleteAction):
    """The admin's delete, without its own log row: survey/handlers.py records every deletion
    of a response, whatever screen or command makes it, exactly once."""

    def __init__(self, instance, user=None, *, log_action=None):
        super().__init__(instance, user=user, log_action=None)


class SurveyResponseViewSet(ModelViewSet):
    model = SurveyResponse
    icon = "table"
    menu_label = _("Survey responses")
    add_to_admin_menu = False
    url_prefix = "surveys/responses"
    url_namespace = "survey_responses"
    index_view_class = SurveyResponseIndexView
    filterset_class = SurveyResponseFilterSet
    inspect_view_enabled = True
    copy_view_enabled = False
    list_per_page = 50
    ordering = ["-submit_time", "-pk"]
    list_display = ["receipt_code", "page", "locale", "channel", "redaction_state", "submit_time"]
    list_export = ["receipt_code", "page", "locale", "channel", "submit_time"]
    export_filename = "survey-responses"
    inspect_view_fields = ["receipt_code", "page", "locale", "channel", "submit_time"]
    add_to_reference_index = False
    form_fields = ["channel"]  # never shown: the rules refuse adding and editing responses

    def get_urlpatterns(self):
        return super().get_urlpatterns() + [
            path("<int:pk>/review/", RedactionReviewView.as_view(), name="review"),
        ]
