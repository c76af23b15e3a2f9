"""Page types residents read: the home page, a consultation, and each version of the draft."""

from django.core.exceptions import ValidationError
from django.db import models
from django.shortcuts import redirect
from django.template.response import TemplateResponse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel, MultiFieldPanel
from wagtail.contrib.routable_page.models import RoutablePageMixin, path
from wagtail.fields import RichTextField, StreamField
from wagtail.models import Page

from consultation.blocks import DraftBodyBlock
from consultation.readability_admin.panels import ReadabilityPanel

INTRO_FEATURES = ["bold", "italic", "link", "ol", "ul", "h2", "h3"]


def route_to_child(parent, model, request, path_components):
    """Wagtail routes a URL one level at a time with two queries a level (the child, then its
    specific row). For the usual child type this reads the specific child in one query and
    hands it its parent (treebeard's cached parent), so `draft.consultation` costs nothing
    more. None when the child is of another type: Wagtail's own routing then runs."""
    if not path_components:
        return None
    child = model.objects.child_of(parent).filter(slug=path_components[0]).first()
    if child is None:
        return None
    child._cached_parent_obj = parent
    return child.route(request, path_components[1:])


class HomePage(Page):
    intro = RichTextField(features=INTRO_FEATURES, blank=True, verbose_name=_("Introduction"))

    content_panels = Page.content_panels + [FieldPanel("intro")]

    template = "pages/home_page.html"
    parent_page_types = ["wagtailcore.Page"]
    subpage_types = ["consultation.ConsultationPage"]
    max_count_per_parent = 1

    class Meta:
        verbose_name = _("Home page")

    def route(self, request, path_components):
        routed = route_to_child(self, ConsultationPage, request, path_components)
        return routed or super().route(request, path_components)

    def get_context(self, request, *args, **kwargs):
        from consultation.panels import outcome_panels

        context = super().get_context(request, *args, **kwargs)
        consultations = list(
            ConsultationPage.objects.child_of(self).live().specific().order_by("-opens_at")
        )
        context["consultations"] = consultations
        context["outcome_panels"] = {
            c.pk: outcome_panels(consultation=c, request=request) for c in consultations
        }
        return context


class ConsultationState(models.TextChoices):
    UPCOMING = "upcoming", _("Upcoming")
    OPEN = "open", _("Open for comments")
    CLOSED = "closed", _("Closed")


class MachineOutput(models.TextChoices):
    """How far machine-made analysis and translations reach for one consultation."""

    SHOWN = "shown", _("Shown everywhere, marked as machine-made")
    STAFF_ONLY = "staff_only", _("Staff only: hidden from public pages")
    OFF = "off", _("Off: no machine analysis or machine translation")


class ConsultationPage(Page):
    intro = RichTextField(features=INTRO_FEATURES, blank=True, verbose_name=_("Introduction"))
    opens_at = models.DateTimeField(verbose_name=_("Opens for comments"))
    closes_at = models.DateTimeField(verbose_name=_("Closes for comments"))
    premoderation = models.BooleanField(
        default=True,
        verbose_name=_("Moderate comments before they are published"),
        help_text=_(
            "When off, comments appear at once and moderators review them afterwards. "
            "Set it on the consultation in the default language; translations follow it."
        ),
    )
    machine_output = models.CharField(
        max_length=12,
        choices=MachineOutput.choices,
        default=MachineOutput.SHOWN,
        verbose_name=_("Machine analysis and machine translation"),
        help_text=_(
            "Themes, labels, summaries, stance guesses and translations made by a machine. "
            "Set it on the consultation in the default language; translations follow it."
        ),
    )

    content_panels = Page.content_panels + [
        FieldPanel("intro"),
        MultiFieldPanel([FieldPanel("opens_at"), FieldPanel("closes_at")], heading=_("Dates")),
        FieldPanel("premoderation"),
        FieldPanel("machine_output"),
    ]

    template = "pages/consultation_page.html"
    parent_page_types = ["consultation.HomePage"]
    # Not listed here: each child page type names this one in its parent_page_types (drafts,
    # surveys, the analysis pages), so apps above consultation add page types without it
    # knowing them.
    subpage_types = None

    class Meta:
        verbose_name = _("Consultation")

    def clean(self):
        super().clean()
        if self.opens_at and self.closes_at and self.closes_at <= self.opens_at:
            raise ValidationError({"closes_at": _("The closing date must be after the opening.")})

    def state_at(self, moment) -> str:
        """Residents see one of three states; computed, never stored, so it cannot go stale."""
        if moment < self.opens_at:
            return ConsultationState.UPCOMING
        if moment >= self.closes_at:
            return ConsultationState.CLOSED
        return ConsultationState.OPEN

    @property
    def state(self) -> str:
        return self.state_at(timezone.now())

    @property
    def state_label(self) -> str:
        return ConsultationState(self.state).label

    def statements_open(self):
        """Statements on this consultation (any language) that are open for votes."""
        from consultation.models.statements import Statement

        return Statement.objects.filter(
            consultation__translation_key=self.translation_key, status="open"
        ).filter(
            models.Q(source_comment__isnull=True) | models.Q(source_comment__status="published")
        )

    def draft_versions(self):
        """Published drafts of this consultation, newest first."""
        return BillOfRightsDraftPage.objects.child_of(self).live().order_by("-version_number")

    def route(self, request, path_components):
        routed = route_to_child(self, BillOfRightsDraftPage, request, path_components)
        return routed or super().route(request, path_components)

    def get_context(self, request, *args, **kwargs):
        from consultation.panels import consultation_panels, outcome_panels, stylesheets

        context = super().get_context(request, *args, **kwargs)
        versions = list(self.draft_versions())
        context["versions"] = versions
        context["current_draft"] = versions[0] if versions else None
        context["statement_count"] = self.statements_open().count()
        context["page_panels"] = outcome_panels(
            consultation=self, request=request
        ) + consultation_panels(consultation=self, request=request)
        context["panel_stylesheets"] = stylesheets(context["page_panels"])
        return context


class BillOfRightsDraftPage(RoutablePageMixin, Page):
    version_number = models.PositiveSmallIntegerField(
        verbose_name=_("Version number"),
        help_text=_("1 for the first draft, 2 for the next. Residents can open every version."),
    )
    summary = models.TextField(blank=True, verbose_name=_("Summary"))
    change_note = models.TextField(
        blank=True,
        verbose_name=_("What changed in this version"),
        help_text=_("Shown above the comparison with the previous version."),
    )
    body = StreamField(DraftBodyBlock(), verbose_name=_("Rights"))

    content_panels = Page.content_panels + [
        FieldPanel("version_number"),
        FieldPanel("summary"),
        FieldPanel("change_note"),
        FieldPanel("body"),
        ReadabilityPanel("body"),
    ]

    template = "pages/bill_of_rights_draft_page.html"
    parent_page_types = ["consultation.ConsultationPage"]
    subpage_types: list[str] = []

    class Meta:
        verbose_name = _("Bill of Rights draft")

    @property
    def consultation(self):
        return self.get_parent().specific

    def sibling_versions(self):
        """Every published version of this draft in the same language, newest first."""
        return (
            BillOfRightsDraftPage.objects.sibling_of(self, inclusive=True)
            .live()
            .order_by("-version_number")
        )

    def previous_version(self):
        return self.sibling_versions().filter(version_number__lt=self.version_number).first()

    def rights(self):
        return [block for block in self.body if block.block_type == "right"]

    def get_context(self, request, *args, **kwargs):
        from consultation.panels import outcome_panels

        context = super().get_context(request, *args, **kwargs)
        context["consultation"] = self.consultation
        context["versions"] = list(self.sibling_versions())
        context["previous"] = next(  # the newest older version, from the list just read
            (v for v in context["versions"] if v.version_number < self.version_number), None
        )
        context["outcome_panels"] = outcome_panels(consultation=self.consultation, request=request)
        return context

    @path("compare/", name="compare")
    def compare(self, request):
        """Per-right comparison between this version and an earlier one chosen by the reader."""
        from consultation.diff import draft_comparison
        from consultation.panels import right_change_panels, stylesheets
        from participation.querystring import positive_int

        versions = list(self.sibling_versions())
        other_number = positive_int(request.GET.get("from"))
        other = next((v for v in versions if v.version_number == other_number), None)
        if other is None:
            other = self.previous_version()
        if other is None:
            return redirect(self.url)
        older, newer = sorted([other, self], key=lambda page: page.version_number)
        context = self.get_context(request)
        panels = right_change_panels(draft=newer, request=request)
        context.update(
            older=older,
            newer=newer,
            changes=draft_comparison(older=older, newer=newer),
            change_panels=panels,
            panel_stylesheets=stylesheets(p for found in panels.values() for p in found),
        )
        return TemplateResponse(request, "pages/draft_comparison.html", context)
