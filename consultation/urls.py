"""Resident-facing views that are not Wagtail pages (comment submission, status lookup)."""

app_name = "consultation"

urlpatterns: list = []
