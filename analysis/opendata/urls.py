"""The open data API (outside the language prefix: its answers name things in ?lang=) and the
public page explaining it (inside the prefix, in the reader's language)."""

from django.urls import path

from analysis.opendata import views

app_name = "opendata"

api_urlpatterns = [
    path("", views.api_index, name="index"),
    path("consultations/", views.consultations, name="consultations"),
    path("comments/", views.comments, name="comments"),
    path("themes/", views.themes, name="themes"),
    path("comments.csv", views.download, {"fmt": "csv"}, name="comments_csv"),
    path("comments.json", views.download, {"fmt": "json"}, name="comments_json"),
    path("openapi.json", views.openapi, name="openapi"),
]

page_urlpatterns = [
    path("open-data/", views.docs_page, name="docs"),
]
