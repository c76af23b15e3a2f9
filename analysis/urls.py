"""Public analysis views that are not Wagtail pages: the opinion-group results."""

from django.urls import path

from analysis.views.opinions import opinion_results_page

app_name = "opinions"

urlpatterns = [
    path("statements/<int:page_id>/results/", opinion_results_page, name="results"),
]
