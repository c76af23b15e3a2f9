"""Forms: the editor's page form (checks question settings and turns conditions into keys) and
the resident's step form (enforces conditions and "Other (please say)" on the server)."""

import datetime
from decimal import Decimal

from django import forms
from django.utils.translation import gettext_lazy as _
from wagtail.contrib.forms.forms import BaseForm, WagtailAdminFormPageForm

from participation.channels import Channel
from participation.forms import SafeTextFormMixin
from participation.text import clean_plain_text
from survey.fields.formfields import MESSAGES
from survey.fields.types import (
    AGREEMENT_SCALE,
    CATEGORICAL_TYPES,
    NEEDS_OPTIONS,
    OTHER_KEY,
    OTHER_SUFFIX,
    RATING_RANGE,
    FieldType,
    merge_keys,
    split_lines,
)
from survey.logic import is_empty, is_visible
from survey.models.responses import STAFF_CHANNELS


def _prospective_keys(instance, labels: list[str]) -> list[str]:
    current = split_lines(instance.choice_keys) if instance.pk else []
    previous = []
    if instance.pk:
        previous = list(zip(split_lines(instance.choices), current, strict=False))
    return merge_keys(labels, previous, current)


class SurveyAdminPageForm(WagtailAdminFormPageForm):
    def clean(self):
        cleaned_data = super().clean()
        formset = self.formsets.get("form_fields")
        if formset is None:
            return cleaned_data
        live = [
            form
            for form in formset.forms
            if form.is_valid() and not form.cleaned_data.get("DELETE", False)
        ]
        live.sort(key=lambda form: form.cleaned_data.get("ORDER") or 0)
        earlier: dict[str, tuple[str, list[tuple[str, str]]]] = {}
        for form in live:
            data = form.cleaned_data
            field_type = data.get("field_type")
            options = split_lines(data.get("choices", ""))
            if field_type in NEEDS_OPTIONS and len(options) < 2:
                form.add_error("choices", _("Give at least two options, one per line."))
            if field_type == FieldType.MATRIX and not split_lines(data.get("statements", "")):
                form.add_error("statements", _("Give at least one statement, one per line."))
            self._resolve_condition(form, earlier)
            instance = form.instance
            key = instance.clean_name or instance.get_field_clean_name()
            keys = _prospective_keys(instance, options)
            if field_type in (FieldType.LIKERT, FieldType.RATING):
                pairs = self._scale_pairs(field_type)
            else:
                pairs = list(zip(keys, options, strict=True))
            if field_type in CATEGORICAL_TYPES:
                earlier[key] = (key, pairs)
                earlier[data.get("label", "").strip().lower()] = (key, pairs)
        return cleaned_data

    @staticmethod
    def _scale_pairs(field_type) -> list[tuple[str, str]]:
        if field_type == FieldType.LIKERT:
            return [(str(point), str(label)) for point, label in AGREEMENT_SCALE]
        return [(str(point), str(point)) for point in RATING_RANGE]

    def _resolve_condition(self, form, earlier) -> None:
        """Store a condition as the earlier question's key and its option keys, whatever the
        editor typed (label or key), so it works unchanged in every translation."""
        data = form.cleaned_data
        wanted = (data.get("condition_field") or "").strip()
        if not wanted:
            if split_lines(data.get("condition_values", "")):
                form.add_error("condition_field", _("Say which earlier question this depends on."))
            return
        found = earlier.get(wanted) or earlier.get(wanted.lower())
        if found is None:
            form.add_error(
                "condition_field",
                _("No earlier choice, scale or rating question has this label or key."),
            )
            return
        key, pairs = found
        answers = []
        for answer in split_lines(data.get("condition_values", "")):
            match = next((value for value, label in pairs if answer in (value, label)), None)
            if match is None and answer == OTHER_KEY:
                match = OTHER_KEY
            if match is None:
                form.add_error(
                    "condition_values",
                    _("“%(answer)s” is not an option of that question.") % {"answer": answer},
                )
                return
            answers.append(match)
        if not answers:
            form.add_error("condition_values", _("List at least one answer, one per line."))
            return
        form.instance.condition_field = key
        form.instance.condition_values = "\n".join(answers)


def storable(value):
    """Answers live in the session between steps and in JSON afterwards; text follows the
    plain-text rule (participation/text.py) like every other thing residents send."""
    if isinstance(value, str):
        return clean_plain_text(value).text
    if isinstance(value, Decimal):
        return format(value.normalize(), "f")
    if isinstance(value, datetime.date):
        return value.isoformat()
    return value


class SurveyStepForm(SafeTextFormMixin, BaseForm):
    """One step of a survey. Questions whose condition depends on a question on this same step
    are optional at field level; `clean` requires them only when they apply, and drops their
    answers when they do not. Characters the plain-text rule removes are gone before any field
    validates, so no resident meets Django's untranslated "Null characters are not allowed"."""

    def __init__(self, *args, questions=(), all_questions=(), earlier_answers=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.questions = list(questions)
        self.all_questions = list(all_questions)
        self.earlier_answers = dict(earlier_answers or {})
        step_keys = {question.key for question in self.questions}
        self.same_step_conditional = {
            question.key
            for question in self.questions
            if question.condition_field and question.condition_field in step_keys
        }
        for key in self.same_step_conditional:
            self.fields[key].required = False

    def clean(self):
        cleaned = super().clean()
        answers = {**self.earlier_answers, **cleaned}
        by_key = {question.key: question for question in self.all_questions}
        for question in self.questions:
            key = question.key
            if key in self.same_step_conditional:
                if not is_visible(question, answers, by_key):
                    for name in (key, key + OTHER_SUFFIX):
                        cleaned.pop(name, None)
                        self._errors.pop(name, None)
                    continue
                if question.required and is_empty(cleaned.get(key)) and key not in self._errors:
                    self.add_error(key, MESSAGES["condition_required"])
            other_key = key + OTHER_SUFFIX
            if other_key in self.fields:
                chosen = cleaned.get(key)
                chosen = chosen if isinstance(chosen, list) else [chosen]
                if OTHER_KEY in chosen:
                    if not cleaned.get(other_key) and other_key not in self._errors:
                        self.add_error(other_key, MESSAGES["other_missing"])
                else:
                    cleaned[other_key] = ""
        return cleaned

    def answers(self) -> dict:
        """The valid answers on this step, ready to store (also used when going Back with
        errors, so nothing valid is lost)."""
        return {
            name: storable(value)
            for name, value in self.cleaned_data.items()
            if name not in self.errors
        }


class StaffChannelForm(forms.Form):
    channel = forms.ChoiceField(
        label=_("How was this response given?"),
        choices=[(channel.value, channel.label) for channel in STAFF_CHANNELS],
        initial=Channel.MAIL,
        widget=forms.RadioSelect,
        error_messages={
            "required": MESSAGES["required"],
            "invalid_choice": MESSAGES["invalid_choice"],
        },
    )
