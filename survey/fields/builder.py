"""Builds Django form fields for each question type (Wagtail's FormBuilder, extended with the
`create_<type>_field` hook). Every error message comes from the survey catalogue, so it is
translated in all nine languages, including those Django itself does not ship."""

from collections import OrderedDict

from django import forms
from wagtail.contrib.forms.forms import FormBuilder

from survey.fields.formfields import MESSAGES, MatrixField, RankingField
from survey.fields.types import (
    AGREEMENT_SCALE,
    LONG_TEXT_LIMIT,
    OTHER_ALLOWED,
    OTHER_KEY,
    OTHER_SUFFIX,
    RATING_RANGE,
    SHORT_TEXT_LIMIT,
    FieldType,
)


def other_label():
    from django.utils.translation import gettext

    return gettext("Other (please say)")


class SurveyFormBuilder(FormBuilder):
    def get_field_options(self, field):
        return {
            "label": field.label,
            "help_text": field.help_text,
            "required": field.required,
            "error_messages": {
                "required": MESSAGES["required"],
                "invalid_choice": MESSAGES["invalid_choice"],
                "invalid_list": MESSAGES["invalid_choice"],
                "max_length": MESSAGES["max_length"],
            },
        }

    def _choices(self, field):
        choices = list(field.options())
        if field.allow_other and field.field_type in OTHER_ALLOWED:
            choices.append((OTHER_KEY, other_label()))
        return choices

    def create_singleline_field(self, field, options):
        return forms.CharField(max_length=SHORT_TEXT_LIMIT, **options)

    def create_multiline_field(self, field, options):
        return forms.CharField(max_length=LONG_TEXT_LIMIT, widget=forms.Textarea, **options)

    def create_radio_field(self, field, options):
        return forms.ChoiceField(choices=self._choices(field), widget=forms.RadioSelect, **options)

    def create_dropdown_field(self, field, options):
        return forms.ChoiceField(choices=[("", "")] + self._choices(field), **options)

    def create_checkboxes_field(self, field, options):
        return forms.MultipleChoiceField(
            choices=self._choices(field), widget=forms.CheckboxSelectMultiple, **options
        )

    def create_likert_field(self, field, options):
        options["error_messages"]["invalid_choice"] = MESSAGES["scale_range"]
        return forms.TypedChoiceField(
            choices=[(str(point), label) for point, label in AGREEMENT_SCALE],
            coerce=int,
            empty_value=None,
            widget=forms.RadioSelect,
            **options,
        )

    def create_rating_field(self, field, options):
        options["error_messages"]["invalid_choice"] = MESSAGES["rating_range"]
        return forms.TypedChoiceField(
            choices=[(str(point), str(point)) for point in RATING_RANGE],
            coerce=int,
            empty_value=None,
            widget=forms.RadioSelect,
            **options,
        )

    def create_ranking_field(self, field, options):
        return RankingField(options=field.options(), **options)

    def create_matrix_field(self, field, options):
        return MatrixField(statements=field.statement_pairs(), **options)

    def create_number_field(self, field, options):
        for code in ("invalid", "max_digits", "max_decimal_places", "max_whole_digits"):
            options["error_messages"][code] = MESSAGES["invalid_number"]
        return forms.DecimalField(max_digits=12, decimal_places=4, **options)

    def create_date_field(self, field, options):
        options["error_messages"]["invalid"] = MESSAGES["invalid_date"]
        return forms.DateField(
            widget=forms.DateInput(attrs={"type": "date"}), input_formats=["%Y-%m-%d"], **options
        )

    def create_email_field(self, field, options):
        options["error_messages"]["invalid"] = MESSAGES["invalid_email"]
        return forms.EmailField(max_length=SHORT_TEXT_LIMIT, **options)

    @property
    def formfields(self):
        formfields = OrderedDict()
        for field in self.fields:
            if field.field_type == FieldType.SECTION:
                continue
            options = self.get_field_options(field)
            formfields[field.key] = self.get_create_field_function(field.field_type)(field, options)
            if field.allow_other and field.field_type in OTHER_ALLOWED:
                formfields[field.key + OTHER_SUFFIX] = forms.CharField(
                    label=other_label(),
                    required=False,
                    max_length=SHORT_TEXT_LIMIT,
                    error_messages={"max_length": MESSAGES["max_length"]},
                )
        return formfields

    def get_form_class(self):
        from survey.forms import SurveyStepForm

        return type("SurveyStepForm", (SurveyStepForm,), self.formfields)
