"""Meeting sign-ups in the admin, on Wagtail's model viewset: who is coming to which meeting,
in what language and with what support needs, filtered by meeting and exported for the people
arranging seats, interpreters and childcare. Nobody adds or edits a sign-up here
(consultation/rules.py); contact details are cleared after the meeting (purge_expired_data)."""

import django_filters
from django.utils.translation import gettext_lazy as _
from wagtail.admin.filters import WagtailFilterSet
from wagtail.admin.views.generic.models import IndexView
from wagtail.admin.viewsets.model import ModelViewSet

from consultation.models.meetings import LANGUAGE_CHOICES, MeetingSignup
from consultation.selectors.meetings import staff_meetings
from participation.exports import GuardedExportMixin


class MeetingSignupFilterSet(WagtailFilterSet):
    meeting_key = django_filters.ChoiceFilter(label=_("Meeting"), empty_label=_("Any"))
    language = django_filters.ChoiceFilter(
        label=_("Language"), choices=LANGUAGE_CHOICES, empty_label=_("Any")
    )

    class Meta:
        model = MeetingSignup
        fields = []

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.filters["meeting_key"].extra["choices"] = [
            (str(meeting.translation_key), meeting.title) for meeting in staff_meetings()
        ]


class MeetingSignupIndexView(GuardedExportMixin, IndexView):
    def get_edit_url(self, instance):
        return None


class MeetingSignupViewSet(ModelViewSet):
    model = MeetingSignup
    icon = "group"
    menu_label = _("Meeting sign-ups")
    add_to_admin_menu = False
    url_prefix = "meetings/sign-ups"
    url_namespace = "meeting_signups"
    index_view_class = MeetingSignupIndexView
    filterset_class = MeetingSignupFilterSet
    inspect_view_enabled = True
    copy_view_enabled = False
    list_per_page = 50
    ordering = ["-created_at", "-pk"]
    list_display = [
        "reference",
        "meeting",
        "language",
        "places",
        "interpretation",
        "childcare",
        "created_at",
    ]
    list_export = [
        "reference",
        "meeting",
        "language",
        "places",
        "name",
        "email",
        "interpretation",
        "childcare",
        "needs",
        "created_at",
    ]
    export_filename = "meeting-sign-ups"
    inspect_view_fields = list_export
    add_to_reference_index = False
    form_fields = ["places"]  # never shown: the rules refuse adding and editing sign-ups
