"""Form fields for the question types Django does not have: ranking and matrix. Both read one
input per option or statement, so they work as plain HTML without any script."""

from django import forms
from django.utils.translation import gettext_lazy as _

from participation.querystring import positive_int
from survey.fields.types import AGREEMENT_SCALE

MESSAGES = {
    "required": _("Please answer this question."),
    "invalid_choice": _("Please choose one of the options shown."),
    "max_length": _(
        "Please shorten your answer to %(limit_value)d characters or fewer (it has %(show_value)d)."
    ),
    "invalid_number": _("Please enter a number, for example 12 or 3.5."),
    "invalid_date": _("Please enter a date as year-month-day, for example 2026-05-31."),
    "invalid_email": _("Please enter an email address like name@example.org."),
    "rating_range": _("Please choose a number from 0 to 10."),
    "scale_range": _("Please choose a point on the scale."),
    "rank_all": _("Please rank every option."),
    "rank_unique": _("Please give each option a different rank."),
    "rank_range": _("Please use ranks from 1 to %(count)d."),
    "matrix_all": _("Please answer every statement."),
    "other_missing": _("You chose “Other”: please say what you mean."),
    "condition_required": _("Please answer this question (it applies to your earlier answer)."),
}


class KeyedInputsWidget(forms.Widget):
    """Reads `<name>__<key>` inputs into a dict; the survey templates render the inputs."""

    def __init__(self, keys=(), attrs=None):
        super().__init__(attrs)
        self.keys = list(keys)

    def value_from_datadict(self, data, files, name):
        return {key: data.get(f"{name}__{key}", "") for key in self.keys}

    def value_omitted_from_data(self, data, files, name):
        return not any(f"{name}__{key}" in data for key in self.keys)


class RankingField(forms.Field):
    """Options ranked 1..n, one rank each; cleans to the option keys in rank order."""

    def __init__(self, *, options, **kwargs):
        self.options = list(options)
        kwargs.setdefault("widget", KeyedInputsWidget([key for key, _label in self.options]))
        super().__init__(**kwargs)

    def prepare_value(self, value):
        if isinstance(value, list):
            return {key: str(position) for position, key in enumerate(value, start=1)}
        return value or {}

    def to_python(self, value):
        if isinstance(value, list):
            return value
        value = value or {}
        count = len(self.options)
        ranks = {}
        for key, _label in self.options:
            raw = str(value.get(key, "")).strip()
            if not raw:
                continue
            rank = positive_int(raw)
            if rank is None or not 1 <= rank <= count:
                raise forms.ValidationError(MESSAGES["rank_range"] % {"count": count})
            ranks[key] = rank
        if not ranks:
            return []
        if len(set(ranks.values())) != len(ranks):
            raise forms.ValidationError(MESSAGES["rank_unique"])
        if self.required and len(ranks) != count:
            raise forms.ValidationError(MESSAGES["rank_all"])
        return sorted(ranks, key=ranks.get)

    def validate(self, value):
        if self.required and not value:
            raise forms.ValidationError(self.error_messages["required"], code="required")


class MatrixField(forms.Field):
    """Several statements on the five-point agreement scale; cleans to {statement key: 1..5}."""

    def __init__(self, *, statements, **kwargs):
        self.statements = list(statements)
        kwargs.setdefault("widget", KeyedInputsWidget([key for key, _label in self.statements]))
        super().__init__(**kwargs)

    def prepare_value(self, value):
        if isinstance(value, dict):
            return {key: str(point) for key, point in value.items()}
        return {}

    def to_python(self, value):
        value = value or {}
        points = {point for point, _label in AGREEMENT_SCALE}
        answers = {}
        for key, _label in self.statements:
            raw = str(value.get(key, "")).strip()
            if not raw:
                continue
            point = positive_int(raw)
            if point not in points:
                raise forms.ValidationError(MESSAGES["scale_range"])
            answers[key] = point
        if self.required and answers and len(answers) != len(self.statements):
            raise forms.ValidationError(MESSAGES["matrix_all"])
        return answers

    def validate(self, value):
        if self.required and not value:
            raise forms.ValidationError(self.error_messages["required"], code="required")
