"""Resident-facing views that are not Wagtail pages (comment submission, status lookup)."""

from django.urls import path

from consultation.kiosks import views as kiosks
from consultation.meetings import views as meetings
from consultation.views import public, statements

app_name = "consultation"

urlpatterns = [
    path("comment/<int:page_id>/", public.comment_create, name="comment"),
    path("comment/<int:page_id>/<str:right_key>/", public.comment_create, name="comment_right"),
    path("comments/<int:page_id>/", public.comment_list, name="comments"),
    path("comments/<int:page_id>/<str:right_key>/", public.comment_list, name="comments_right"),
    path("status/", public.comment_status, name="status"),
    path("paper-form/", public.paper_form, name="paper_form"),
    path("statements/<int:page_id>/", statements.statements_vote, name="statements"),
    path(
        "statements/<int:page_id>/propose/",
        statements.statement_propose_view,
        name="statement_propose",
    ),
    path("meetings/<int:page_id>/sign-up/", meetings.signup, name="meeting_signup"),
    path(
        "meetings/<int:page_id>/sign-up/<str:reference>/",
        meetings.signed_up,
        name="meeting_signed_up",
    ),
    path("kiosk/<str:token>/", kiosks.kiosk_start, name="kiosk"),
    path("meetings/<int:page_id>/calendar.ics", meetings.calendar, name="meeting_calendar"),
]
