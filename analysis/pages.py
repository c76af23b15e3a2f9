"""Public pages built from an approved analysis: "What we heard", "You said, we did" and the
method note. Staff edit and translate them (wagtail-localize) before publishing; the numbers
are never typed in, they are read from the approved run's stored report."""

from django.db import models
from django.http import Http404
from django.utils.translation import gettext_lazy as _
from wagtail import blocks
from wagtail.admin.panels import FieldPanel
from wagtail.fields import RichTextField, StreamField
from wagtail.models import Page

from config.languages import LANGUAGE_TABLE
from participation.querystring import positive_int

INTRO_FEATURES = ["bold", "italic", "link", "ol", "ul", "h2", "h3"]


class UntranslatedCharBlock(blocks.CharBlock):
    """A value that is the same in every language (a theme key, a quote in the language it
    was written in): wagtail-localize copies it instead of offering it for translation."""

    def get_translatable_segments(self, value):
        return []

    def restore_translated_segments(self, value, segments):
        return value


class UntranslatedTextBlock(blocks.TextBlock):
    def get_translatable_segments(self, value):
        return []

    def restore_translated_segments(self, value, segments):
        return value


def _language_choices():
    return [(code, local) for code, _english, local, _bidi in LANGUAGE_TABLE]


def right_key_choices():
    """Every right of the newest draft of each consultation, labelled with its title."""
    from analysis.selectors.themes import right_choices

    return right_choices()


def theme_key_choices():
    """Approved themes of the latest approved run of each consultation."""
    from analysis.selectors.themes import theme_choices

    return theme_choices()


class QuoteBlock(blocks.StructBlock):
    text = UntranslatedTextBlock(label=_("Quote, as written"))
    language = blocks.ChoiceBlock(choices=_language_choices, label=_("Language of the quote"))

    class Meta:
        label = _("Quote")


class ThemeFindingBlock(blocks.StructBlock):
    theme_key = UntranslatedCharBlock(
        label=_("Theme key"),
        help_text=_("Links this section to the theme's figures in the approved run."),
    )
    title = blocks.CharBlock(label=_("Heading"))
    summary = blocks.TextBlock(label=_("What people said"), required=False)
    quotes = blocks.ListBlock(QuoteBlock(), label=_("Quotes"), default=[])

    class Meta:
        label = _("Theme")
        icon = "tag"


class RightChangeBlock(blocks.StructBlock):
    right_key = blocks.ChoiceBlock(choices=right_key_choices, label=_("Right that changed"))
    themes = blocks.MultipleChoiceBlock(
        choices=theme_key_choices, label=_("Themes that led to the change")
    )
    what_we_did = blocks.TextBlock(label=_("What we changed and why"))

    class Meta:
        label = _("Change")
        icon = "link"


def _approved_runs():
    return {"approved_at__isnull": False}


class AnalysisPageMixin(models.Model):
    run = models.ForeignKey(
        "analysis.AnalysisRun",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        limit_choices_to=_approved_runs,
        verbose_name=_("Approved analysis run"),
        help_text=_(
            "The run this page was drafted from. Its figures come from the newest published "
            "version of the results."
        ),
    )
    intro = RichTextField(features=INTRO_FEATURES, blank=True, verbose_name=_("Introduction"))

    class Meta:
        abstract = True

    @property
    def consultation(self):
        return self.get_parent().specific

    def get_context(self, request, *args, **kwargs):
        """Figures from the newest published version of the results, or the version the
        reader asked for (?version=2): never from a live run."""
        from analysis.selectors.published import published_result, published_results
        from consultation.selectors.published import machine_output_public

        context = super().get_context(request, *args, **kwargs)
        asked = positive_int(request.GET.get("version", ""))
        result = published_result(consultation=self.consultation, version=asked)
        if asked is not None and result is None:
            raise Http404
        versions = published_results(consultation=self.consultation).values(
            "version", "published_at"
        )
        key = self.consultation.translation_key
        context.update(
            result=result,
            run=None,
            figures=None,
            versions=list(versions),
            machine_public=machine_output_public(consultation_key=key),
        )
        if result is not None:
            context.update(run=result.run, figures=result.figures)
            context.update(self.analysis_context(result=result))
        return context

    def analysis_context(self, *, result) -> dict:
        return {}


class WhatWeHeardPage(AnalysisPageMixin, Page):  # noqa: DJ008 - Page gives __str__
    body = StreamField([("finding", ThemeFindingBlock())], blank=True, verbose_name=_("Themes"))

    content_panels = Page.content_panels + [
        FieldPanel("run"),
        FieldPanel("intro"),
        FieldPanel("body"),
    ]

    template = "pages/what_we_heard_page.html"
    parent_page_types = ["consultation.ConsultationPage"]
    subpage_types: list[str] = []

    class Meta:
        verbose_name = _("What we heard")

    def get_context(self, request, *args, **kwargs):
        from analysis.selectors.opinions import snapshot_of

        context = super().get_context(request, *args, **kwargs)
        snapshot = snapshot_of(consultation_key=self.consultation.translation_key)
        context["opinions_ready"] = snapshot is not None and snapshot.n_votes > 0
        return context

    def analysis_context(self, *, result) -> dict:
        from analysis.selectors.public import findings_context

        return findings_context(page=self, result=result)


class YouSaidWeDidPage(AnalysisPageMixin, Page):  # noqa: DJ008 - Page gives __str__
    draft = models.ForeignKey(
        "consultation.BillOfRightsDraftPage",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        verbose_name=_("New draft"),
        help_text=_("The version whose changes this page explains."),
    )
    changes = StreamField([("change", RightChangeBlock())], blank=True, verbose_name=_("Changes"))

    content_panels = Page.content_panels + [
        FieldPanel("run"),
        FieldPanel("draft"),
        FieldPanel("intro"),
        FieldPanel("changes"),
    ]

    template = "pages/you_said_we_did_page.html"
    parent_page_types = ["consultation.ConsultationPage"]
    subpage_types: list[str] = []

    class Meta:
        verbose_name = _("You said, we did")

    def analysis_context(self, *, result) -> dict:
        from analysis.selectors.public import changes_context

        return changes_context(page=self, result=result)


class MethodNotePage(AnalysisPageMixin, Page):  # noqa: DJ008 - Page gives __str__
    body = RichTextField(features=INTRO_FEATURES, blank=True, verbose_name=_("How we did it"))

    content_panels = Page.content_panels + [
        FieldPanel("run"),
        FieldPanel("intro"),
        FieldPanel("body"),
    ]

    template = "pages/method_note_page.html"
    parent_page_types = ["consultation.ConsultationPage"]
    subpage_types: list[str] = []

    class Meta:
        verbose_name = _("Method note")

    def analysis_context(self, *, result) -> dict:
        from analysis.selectors.public import method_context

        return method_context(result=result)
