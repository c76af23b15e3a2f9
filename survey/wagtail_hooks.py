"""Survey screens in the Wagtail admin: a "Survey results" menu item for staff roles and the
results, export URLs under /admin/surveys/."""

from django.urls import include, path, reverse
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.menu import MenuItem

from survey import rules
from survey.views import admin as views

app_name = "survey_admin"

urlpatterns = [
    path("", views.SurveyIndexView.as_view(), name="index"),
    path("<int:page_id>/", views.SurveyResultsView.as_view(), name="results"),
    path("<int:page_id>/export.<str:fmt>", views.SurveyExportView.as_view(), name="export"),
]


class ResultsMenuItem(MenuItem):
    def is_shown(self, request):
        return rules.can_view_results(request.user)


@hooks.register("register_admin_urls")
def register_survey_urls():
    return [path("surveys/", include((urlpatterns, app_name), namespace=app_name))]


@hooks.register("register_admin_menu_item")
def register_results_menu_item():
    return ResultsMenuItem(
        _("Survey results"), reverse("survey_admin:index"), icon_name="table", order=450
    )
