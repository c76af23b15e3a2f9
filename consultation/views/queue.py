"""The moderation queue on Wagtail's snippet viewset: filters in Wagtail's filter panel, bulk
publish and reject through Wagtail's bulk actions (bulk_actions.py), CSV and XLSX export of what
the filters show, and each comment's own screen (moderate.py) instead of a generic edit form.
Who may see and do what is consultation/rules.py's CommentPermissionPolicy."""

import django_filters
from django.conf import settings
from django.urls import path, reverse
from django.utils.translation import gettext_lazy as _
from wagtail.admin.filters import WagtailFilterSet
from wagtail.admin.ui.tables import Column
from wagtail.snippets.views.snippets import IndexView, SnippetViewSet

from consultation.models import BillOfRightsDraftPage, Comment, CommentStatus
from consultation.models.comments import LANGUAGE_CHOICES
from consultation.selectors.drafts import right_titles
from consultation.selectors.moderation import comments_flagged, duplicate_group_sizes
from consultation.views.moderate import ModerateView
from participation.channels import Channel
from participation.exports import GuardedExportMixin
from participation.references import normalise_reference

FLAG_CHOICES = [
    ("personal_data", _("Personal data hidden, not yet confirmed")),
    ("duplicate", _("Same or nearly the same text as other comments")),
    ("cleaned", _("Hidden or control characters removed")),
    ("intake", _("Recorded by staff (not the website)")),
]


def draft_choices():
    """Drafts in the default language, named by title; the value is the translation key so
    the filter covers every language version of the draft."""
    drafts = BillOfRightsDraftPage.objects.filter(
        locale__language_code=settings.LANGUAGE_CODE
    ).order_by("-version_number")
    return [(str(d.translation_key), d.title) for d in drafts]


def right_choices():
    """Rights of the drafts in the default language, newest first (keys are stable)."""
    choices = [("-", _("The whole draft"))]
    seen = set()
    drafts = BillOfRightsDraftPage.objects.filter(
        locale__language_code=settings.LANGUAGE_CODE
    ).order_by("-version_number")
    for draft in drafts:
        for key, title in right_titles(draft).items():
            if key not in seen:
                seen.add(key)
                choices.append((key, title))
    return choices


class CommentFilterSet(WagtailFilterSet):
    status = django_filters.ChoiceFilter(
        label=_("Status"), choices=CommentStatus.choices, empty_label=_("Any")
    )
    language = django_filters.ChoiceFilter(
        label=_("Language"), choices=LANGUAGE_CHOICES, empty_label=_("Any")
    )
    draft = django_filters.ChoiceFilter(
        label=_("Draft"), field_name="draft_key", choices=draft_choices, empty_label=_("Any")
    )
    right = django_filters.ChoiceFilter(
        label=_("Right"), choices=right_choices, method="filter_right", empty_label=_("Any")
    )
    channel = django_filters.ChoiceFilter(
        label=_("Channel"), choices=Channel.choices, empty_label=_("Any")
    )
    flag = django_filters.ChoiceFilter(
        label=_("Flag"), choices=FLAG_CHOICES, method="filter_flag", empty_label=_("Any")
    )
    q = django_filters.CharFilter(
        label=_("Text or reference code"), method="filter_text", max_length=200
    )

    class Meta:
        model = Comment
        fields = []

    def filter_right(self, queryset, name, value):
        return queryset.filter(right_key="" if value == "-" else value)

    def filter_flag(self, queryset, name, value):
        return comments_flagged(queryset, value)

    def filter_text(self, queryset, name, value):
        value = value.strip()
        if not value:
            return queryset
        code = normalise_reference(value)
        return queryset.filter(text__icontains=value) | queryset.filter(reference=code)


class TemplateColumn(Column):
    """A column whose cell is a small template given the comment."""

    def __init__(self, name, template_name, **kwargs):
        super().__init__(name, **kwargs)
        self.cell_template_name = template_name

    def get_cell_context_data(self, instance, parent_context):
        context = super().get_cell_context_data(instance, parent_context)
        context["comment"] = instance
        return context


class CommentIndexView(GuardedExportMixin, IndexView):
    """Awaiting moderation first: with no status chosen, the queue shows what needs a
    decision; "Any" shows everything."""

    def get_filterset_kwargs(self):
        kwargs = super().get_filterset_kwargs()
        if "status" not in self.request.GET:
            data = self.request.GET.copy()
            data["status"] = CommentStatus.AWAITING_MODERATION
            kwargs["data"] = data
        return kwargs

    def get_edit_url(self, instance):
        return reverse("comments:moderate", args=[instance.pk])

    def get_table(self, object_list):
        rows = list(object_list)
        titles: dict = {}
        for comment in rows:
            if comment.draft_key not in titles and comment.draft is not None:
                titles[comment.draft_key] = right_titles(comment.draft)
        sizes = duplicate_group_sizes({c.duplicate_group for c in rows})
        for comment in rows:
            comment.right_title = titles.get(comment.draft_key, {}).get(comment.right_key, "")
            comment.group_size = sizes.get(comment.duplicate_group, 0)
        return super().get_table(rows)


class CommentViewSet(SnippetViewSet):
    model = Comment
    icon = "comment"
    admin_url_namespace = "comments"
    base_url_path = "comments"
    add_to_admin_menu = False
    index_view_class = CommentIndexView
    index_template_name = "consultation/admin/queue_index.html"  # focus on the result message
    filterset_class = CommentFilterSet
    list_per_page = 50
    ordering = ["received_at", "pk"]
    menu_label = _("Moderation queue")
    export_filename = "comments"
    list_export = [
        "reference",
        "received_at",
        "language",
        "channel",
        "stance",
        "status",
        "rejection_reason",
        "right_key",
        "public_text",
    ]
    export_headings = {"public_text": _("Comment with personal data hidden")}

    add_to_reference_index = False  # a comment's link to its draft needs no usage tracking

    def get_queryset(self, request):
        return Comment.objects.select_related("draft", "provenance")

    @property
    def list_display(self):
        return [
            Column("reference", label=_("Reference code"), accessor="reference"),
            TemplateColumn("text", "consultation/admin/cells/text.html", label=_("Comment")),
            Column("right_title", label=_("Right"), accessor="right_title"),
            TemplateColumn("details", "consultation/admin/cells/details.html", label=_("Details")),
            TemplateColumn("status", "consultation/admin/cells/status.html", label=_("Status")),
        ]

    @property
    def moderate_view(self):
        return ModerateView.as_view()

    def get_urlpatterns(self):
        return super().get_urlpatterns() + [
            path("<int:pk>/", self.moderate_view, name="moderate"),
        ]
