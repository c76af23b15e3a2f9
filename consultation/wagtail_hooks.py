"""Comment moderation and intake in the Wagtail admin: the moderation queue (a snippet viewset
with filters, bulk publish / reject and exports), staff intake and spreadsheet import, under
one "Comments" menu shown to whoever consultation/rules.py lets in."""

from django.urls import include, path, reverse_lazy
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.menu import Menu, MenuItem, SubmenuMenuItem
from wagtail.snippets.models import register_snippet

from consultation.intake import views as intake
from consultation.intake import votes as vote_intake
from consultation.kiosks.viewsets import KioskViewSet
from consultation.meetings.listing import meetings_panels
from consultation.meetings.viewsets import MeetingSignupViewSet
from consultation.panels import CONSULTATION_PANELS_HOOK
from consultation.readability_admin import wagtail_hooks as readability_hooks  # noqa: F401
from consultation.rules import can_issue_kiosks, can_view_signups, comment_policy
from consultation.views.bulk_actions import ApproveBulkAction, RejectBulkAction
from consultation.views.queue import CommentViewSet
from consultation.views.statement_admin import StatementViewSet

register_snippet(CommentViewSet)
register_snippet(StatementViewSet)
hooks.register("register_bulk_action", ApproveBulkAction)
hooks.register("register_bulk_action", RejectBulkAction)
hooks.register(CONSULTATION_PANELS_HOOK, meetings_panels)
signup_viewset = MeetingSignupViewSet()
kiosk_viewset = KioskViewSet()


@hooks.register("register_admin_viewset")
def register_signup_viewset():
    return signup_viewset


@hooks.register("register_admin_viewset")
def register_kiosk_viewset():
    return kiosk_viewset


intake_urls = (
    [
        path("", intake.RecordView.as_view(), name="record"),
        path("import/", intake.ImportUploadView.as_view(), name="import"),
        path("import/<int:pk>/", intake.ImportPreviewView.as_view(), name="import_preview"),
        path("import/<int:pk>/confirm/", intake.ImportConfirmView.as_view(), name="import_confirm"),
        path(
            "import/template.<str:kind>",
            intake.ImportTemplateView.as_view(),
            name="import_template",
        ),
    ],
    "consultation_intake",
)


vote_urls = (
    [
        path("", vote_intake.newest_consultation_batch, name="batch_newest"),
        path("<int:pk>/", vote_intake.VoteBatchView.as_view(), name="batch"),
    ],
    "consultation_votes",
)


@hooks.register("register_admin_urls")
def register_admin_urls():
    return [
        path("comment-intake/", include(intake_urls)),
        path("statement-votes/", include(vote_urls)),
    ]


class PolicyMenuItem(MenuItem):
    """Shown to users the comment policy allows `action`."""

    def __init__(self, *args, action: str, **kwargs):
        super().__init__(*args, **kwargs)
        self.action = action

    def is_shown(self, request):
        return comment_policy.user_has_permission(request.user, self.action)


class SignupsMenuItem(MenuItem):
    def is_shown(self, request):
        return can_view_signups(request.user)


class KiosksMenuItem(MenuItem):
    def is_shown(self, request):
        return can_issue_kiosks(request.user)


@hooks.register("register_admin_menu_item")
def register_comments_menu():
    menu = Menu(
        items=[
            PolicyMenuItem(
                _("Moderation queue"),
                reverse_lazy("comments:list"),
                name="comment-moderation",
                icon_name="comment",
                order=100,
                action="moderate",
            ),
            PolicyMenuItem(
                _("Record a comment"),
                reverse_lazy("consultation_intake:record"),
                name="comment-intake",
                icon_name="edit",
                order=200,
                action="record",
            ),
            PolicyMenuItem(
                _("Import comments"),
                reverse_lazy("consultation_intake:import"),
                name="comment-import",
                icon_name="upload",
                order=300,
                action="record",
            ),
            PolicyMenuItem(
                _("Enter paper or meeting votes"),
                reverse_lazy("consultation_votes:batch_newest"),
                name="statement-votes",
                icon_name="list-ul",
                order=400,
                action="record",
            ),
            SignupsMenuItem(
                _("Meeting sign-ups"),
                reverse_lazy("meeting_signups:index"),
                name="meeting-signups",
                icon_name="group",
                order=500,
            ),
            KiosksMenuItem(
                _("Kiosks"),
                reverse_lazy("kiosks:index"),
                name="kiosks",
                icon_name="desktop",
                order=600,
            ),
        ]
    )
    return SubmenuMenuItem(_("Comments"), menu, name="comments", icon_name="comment", order=250)
