"""The survey page editors build in Wagtail and the questions on it.

Questions are a translatable inline (wagtail-localize copies them into each language with the same
translation key); every key an answer is stored under (`clean_name`, option and statement keys,
conditions) is synchronised from the source language and never translated."""

from dataclasses import dataclass, field

from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey
from wagtail.admin.panels import FieldPanel, InlinePanel, MultiFieldPanel
from wagtail.contrib.forms.models import AbstractForm, AbstractFormField
from wagtail.contrib.routable_page.models import RoutablePageMixin, path
from wagtail.fields import RichTextField
from wagtail.models import TranslatableMixin
from wagtail_localize.fields import SynchronizedField, TranslatableField

from survey.fields.builder import SurveyFormBuilder
from survey.fields.translatable import LinesField
from survey.fields.types import (
    CATEGORICAL_TYPES,
    NEEDS_OPTIONS,
    FieldType,
    merge_keys,
    split_lines,
)
from survey.forms import SurveyAdminPageForm

INTRO_FEATURES = ["bold", "italic", "link", "ol", "ul"]


def _fixed(name: str) -> SynchronizedField:
    return SynchronizedField(name, overridable=False)


class SurveyField(TranslatableMixin, AbstractFormField):
    page = ParentalKey("survey.SurveyPage", on_delete=models.CASCADE, related_name="form_fields")
    field_type = models.CharField(
        verbose_name=_("question type"), max_length=16, choices=FieldType.choices
    )
    choices = LinesField(
        verbose_name=_("options"),
        blank=True,
        help_text=_("One option per line (choice, dropdown and ranking questions)."),
    )
    statements = LinesField(
        verbose_name=_("statements"),
        blank=True,
        help_text=_("One statement per line; each is answered on the agreement scale (matrix)."),
    )
    allow_other = models.BooleanField(verbose_name=_("offer “Other (please say)”"), default=False)
    condition_field = models.CharField(
        verbose_name=_("show only when question"),
        max_length=255,
        blank=True,
        help_text=_(
            "Optional. The label (or key) of an earlier choice, scale or rating question. "
            "It is saved as that question's key."
        ),
    )
    condition_values = models.TextField(
        verbose_name=_("has one of these answers"),
        blank=True,
        help_text=_("One answer per line, as written in the earlier question's options."),
    )
    choice_keys = models.TextField(blank=True, editable=False)
    statement_keys = models.TextField(blank=True, editable=False)

    panels = [
        FieldPanel("label"),
        FieldPanel("help_text"),
        FieldPanel("required"),
        FieldPanel("field_type", classname="formbuilder-type", required_on_save=True),
        FieldPanel("choices"),
        FieldPanel("allow_other"),
        FieldPanel("statements"),
        MultiFieldPanel(
            [FieldPanel("condition_field"), FieldPanel("condition_values")],
            heading=_("Condition"),
        ),
    ]

    translatable_fields = [
        TranslatableField("label"),
        TranslatableField("help_text"),
        TranslatableField("choices"),
        TranslatableField("statements"),
        _fixed("clean_name"),
        _fixed("field_type"),
        _fixed("required"),
        _fixed("allow_other"),
        _fixed("condition_field"),
        _fixed("condition_values"),
        _fixed("choice_keys"),
        _fixed("statement_keys"),
        _fixed("default_value"),
    ]

    class Meta(TranslatableMixin.Meta, AbstractFormField.Meta):
        # Questions made outside the admin's inline panel may have no sort order; the id keeps
        # their order the same on every database (PostgreSQL returns ties in any order).
        ordering = ["sort_order", "pk"]
        verbose_name = _("question")
        verbose_name_plural = _("questions")

    def __str__(self):
        return self.label

    def save(self, *args, **kwargs):
        self.sync_keys()
        super().save(*args, **kwargs)

    def sync_keys(self) -> None:
        """Give options and statements stable keys (see `merge_keys`)."""
        previous_choices = previous_statements = []
        if self.pk:
            old = (
                type(self)
                .objects.filter(pk=self.pk)
                .values("choices", "choice_keys", "statements", "statement_keys")
            )
            for row in old:
                previous_choices = list(
                    zip(split_lines(row["choices"]), split_lines(row["choice_keys"]), strict=False)
                )
                previous_statements = list(
                    zip(
                        split_lines(row["statements"]),
                        split_lines(row["statement_keys"]),
                        strict=False,
                    )
                )
        self.choice_keys = "\n".join(
            merge_keys(split_lines(self.choices), previous_choices, split_lines(self.choice_keys))
        )
        self.statement_keys = "\n".join(
            merge_keys(
                split_lines(self.statements), previous_statements, split_lines(self.statement_keys)
            )
        )

    @property
    def key(self) -> str:
        return self.clean_name or self.get_field_clean_name()

    @property
    def is_section(self) -> bool:
        return self.field_type == FieldType.SECTION

    @property
    def is_categorical(self) -> bool:
        return self.field_type in CATEGORICAL_TYPES

    def _pairs(self, labels_text: str, keys_text: str) -> list[tuple[str, str]]:
        labels, keys = split_lines(labels_text), split_lines(keys_text)
        if len(keys) != len(labels):
            keys = merge_keys(labels, [], [])
        return list(zip(keys, labels, strict=True))

    def options(self) -> list[tuple[str, str]]:
        """(key, label) for each option, in this field's language."""
        if self.field_type not in NEEDS_OPTIONS:
            return []
        return self._pairs(self.choices, self.choice_keys)

    def statement_pairs(self) -> list[tuple[str, str]]:
        if self.field_type != FieldType.MATRIX:
            return []
        return self._pairs(self.statements, self.statement_keys)

    def condition_answers(self) -> list[str]:
        return split_lines(self.condition_values)


@dataclass
class Step:
    number: int
    section: SurveyField | None
    questions: list[SurveyField] = field(default_factory=list)

    @property
    def title(self) -> str:
        return self.section.label if self.section else ""


class SurveyPage(RoutablePageMixin, AbstractForm):
    intro = RichTextField(features=INTRO_FEATURES, blank=True, verbose_name=_("Introduction"))
    thank_you_text = RichTextField(
        features=INTRO_FEATURES, blank=True, verbose_name=_("Thank-you message")
    )

    content_panels = AbstractForm.content_panels + [
        FieldPanel("intro"),
        InlinePanel("form_fields", label=_("Questions")),
        FieldPanel("thank_you_text"),
    ]

    template = "pages/survey_page.html"
    landing_page_template = "pages/survey_page_landing.html"
    parent_page_types = ["consultation.ConsultationPage"]
    subpage_types: list[str] = []
    base_form_class = SurveyAdminPageForm
    form_builder = SurveyFormBuilder

    class Meta:
        verbose_name = _("Survey")

    @property
    def consultation(self):
        return self.get_parent().specific

    @property
    def accepts_responses(self) -> bool:
        """Residents may answer while the consultation is open; staff may always enter."""
        consultation = self.consultation
        state_at = getattr(consultation, "state_at", None)
        return state_at is None or state_at(timezone.now()) == "open"

    def source_page(self) -> "SurveyPage":
        """The page this one was translated from: responses in every language are stored
        against it, so deleting a translation never deletes answers."""
        from wagtail_localize.models import TranslationSource

        sources = list(
            TranslationSource.objects.filter(object_id=self.translation_key).values_list(
                "locale_id", flat=True
            )
        )
        if not sources or self.locale_id in sources:
            return self
        source = self.get_translations().filter(locale_id=sources[0]).first()
        return source.specific if source is not None else self

    def questions(self) -> list[SurveyField]:
        return [field for field in self.get_form_fields() if not field.is_section]

    def steps(self) -> list[Step]:
        steps: list[Step] = []
        current = Step(number=1, section=None)
        for form_field in self.get_form_fields():
            if form_field.is_section:
                if current.questions or current.section is not None:
                    steps.append(current)
                current = Step(number=len(steps) + 1, section=form_field)
            else:
                current.questions.append(form_field)
        if current.questions or not steps:
            steps.append(current)
        return steps

    def get_submission_class(self):
        from survey.models.responses import SurveyResponse

        return SurveyResponse

    def get_data_fields(self):
        return [("submit_time", _("Submitted"))] + [(q.key, q.label) for q in self.questions()]

    def serve_submissions_list_view(self, request, *args, **kwargs):
        """Wagtail's generic submissions list has no permission matrix or formula guard; staff
        read survey answers on the results screen instead."""
        from django.shortcuts import redirect
        from django.urls import reverse

        return redirect(reverse("survey_admin:results", args=[self.source_page().pk]))

    @path("")
    def index_route(self, request, *args, **kwargs):
        from survey.views import survey_step_view

        return survey_step_view(request, self, staff=False)

    @path("staff-entry/")
    def staff_entry(self, request):
        from survey.views import survey_step_view

        return survey_step_view(request, self, staff=True)

    @path("thank-you/")
    def thank_you(self, request):
        from survey.views import survey_thank_you_view

        return survey_thank_you_view(request, self)

    @path("print/")
    def printable(self, request):
        from survey.views import survey_print_view

        return survey_print_view(request, self)
