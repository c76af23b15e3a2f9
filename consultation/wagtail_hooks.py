"""Comment moderation and intake in the Wagtail admin: a "Comments" menu for moderators with
the queue, staff intake and spreadsheet import."""

from django.urls import include, path, reverse_lazy
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.menu import Menu, MenuItem, SubmenuMenuItem

from consultation import rules
from consultation.intake import views as intake_views
from consultation.readability_admin import wagtail_hooks as readability_hooks  # noqa: F401
from consultation.views import moderation

moderation_urls = (
    [
        path("", moderation.queue, name="queue"),
        path("bulk/", moderation.bulk, name="bulk"),
        path("<int:pk>/", moderation.detail, name="detail"),
    ],
    "consultation_moderation",
)
intake_urls = (
    [
        path("", intake_views.record, name="record"),
        path("import/", intake_views.import_upload, name="import"),
        path("import/<int:pk>/", intake_views.import_preview, name="import_preview"),
        path("import/<int:pk>/confirm/", intake_views.import_confirm, name="import_confirm"),
        path("import/template.<str:kind>", intake_views.import_template, name="import_template"),
    ],
    "consultation_intake",
)


@hooks.register("register_admin_urls")
def register_admin_urls():
    return [
        path("comments/", include(moderation_urls)),
        path("comment-intake/", include(intake_urls)),
    ]


class ModeratorMenuItem(MenuItem):
    def is_shown(self, request):
        return rules.can_moderate(request.user)


class IntakeMenuItem(MenuItem):
    def is_shown(self, request):
        return rules.can_record_intake(request.user)


@hooks.register("register_admin_menu_item")
def register_comments_menu():
    menu = Menu(
        items=[
            ModeratorMenuItem(
                _("Moderation queue"),
                reverse_lazy("consultation_moderation:queue"),
                name="comment-moderation",
                icon_name="comment",
                order=100,
            ),
            IntakeMenuItem(
                _("Record a comment"),
                reverse_lazy("consultation_intake:record"),
                name="comment-intake",
                icon_name="edit",
                order=200,
            ),
            IntakeMenuItem(
                _("Import comments"),
                reverse_lazy("consultation_intake:import"),
                name="comment-import",
                icon_name="upload",
                order=300,
            ),
        ]
    )
    return SubmenuMenuItem(_("Comments"), menu, name="comments", icon_name="comment", order=250)
