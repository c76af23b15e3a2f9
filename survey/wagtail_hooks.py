"""Survey screens in the Wagtail admin: a "Survey results" menu item for staff roles and the
results, export URLs under /admin/surveys/."""

from django.urls import include, path, reverse_lazy
from django.utils.text import format_lazy
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.actions import action_registry
from wagtail.admin.menu import Menu, MenuItem, SubmenuMenuItem

from consultation.panels import CONSULTATION_PANELS_HOOK, Panel
from participation.rules import can_translate
from survey import rules
from survey.models.pages import SurveyPage
from survey.models.responses import SurveyResponse
from survey.views import admin as views
from survey.views.translate import AnswerTranslateListView, AnswerTranslateView
from survey.viewsets import SurveyResponseDeleteAction, SurveyResponseViewSet

response_viewset = SurveyResponseViewSet()
action_registry.register(SurveyResponse, SurveyResponseDeleteAction)

app_name = "survey_admin"

urlpatterns = [
    path("", views.SurveyIndexView.as_view(), name="index"),
    path("<int:page_id>/", views.SurveyResultsView.as_view(), name="results"),
    path("<int:page_id>/export.<str:fmt>", views.SurveyExportView.as_view(), name="export"),
]


class ResultsMenuItem(MenuItem):
    def is_shown(self, request):
        return rules.can_view_results(request.user)


class ReviewMenuItem(MenuItem):
    def is_shown(self, request):
        return rules.can_review_redactions(request.user)


translate_urls = [
    path("", AnswerTranslateListView.as_view(), name="list"),
    path("<int:pk>/<str:key>/", AnswerTranslateView.as_view(), name="translate"),
]


class TranslateMenuItem(MenuItem):
    def is_shown(self, request):
        return can_translate(request.user)


@hooks.register("register_admin_urls")
def register_survey_urls():
    return [
        path("surveys/", include((urlpatterns, app_name), namespace=app_name)),
        path(
            "survey-translations/",
            include((translate_urls, "survey_translations"), namespace="survey_translations"),
        ),
    ]


@hooks.register("register_admin_viewset")
def register_response_viewset():
    return response_viewset


@hooks.register("register_admin_menu_item")
def register_results_menu_item():
    menu = Menu(
        items=[
            ResultsMenuItem(
                _("Survey results"), reverse_lazy("survey_admin:index"), icon_name="table"
            ),
            ResultsMenuItem(
                _("Survey responses"),
                reverse_lazy("survey_responses:index"),
                icon_name="list-ul",
                order=200,
            ),
            TranslateMenuItem(
                _("Translate survey answers"),
                reverse_lazy("survey_translations:list"),
                icon_name="globe",
                order=400,
            ),
            ReviewMenuItem(
                _("Personal data to review"),
                format_lazy("{}?redaction_state=detected", reverse_lazy("survey_responses:index")),
                icon_name="warning",
                order=300,
            ),
        ]
    )
    return SubmenuMenuItem(_("Surveys"), menu, name="surveys", icon_name="table", order=450)


@hooks.register(CONSULTATION_PANELS_HOOK)
def consultation_survey_panel(consultation, request):
    """The consultation's page links to its live surveys (and their paper versions)."""
    surveys = list(SurveyPage.objects.child_of(consultation).live().order_by("path"))
    if not surveys:
        return []
    return [Panel("survey/consultation_surveys.html", {"surveys": surveys})]


@hooks.register("filter_form_submissions_for_user")
def surveys_only_for_those_who_may_delete(user, editable_forms):
    """Wagtail's own form-submission screens (/admin/forms/) can delete answers: surveys appear
    there only for users survey/rules.py lets delete responses. Everyone else reads results on
    the survey results screens."""
    if rules.can_delete_responses(user):
        return editable_forms
    return editable_forms.not_type(SurveyPage)


@hooks.register("register_log_actions")
def register_survey_log_actions(actions):
    """The history rows survey/services/privacy.py leaves (never with the answers)."""
    actions.register_action(
        "survey.review_redaction",
        _("Review personal data"),
        _("Decision about the personal data hidden in the written answers"),
    )
    actions.register_action(
        "survey.erase", _("Erase personal data"), _("Personal data erased on request")
    )
