"""Staff intake: one comment at a time, or a spreadsheet upload."""

from django import forms
from django.conf import settings
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from consultation.forms import (
    BAD_CHOICE,
    BAD_EMAIL,
    EMPTY_COMMENT,
    REQUIRED,
    TOO_LONG,
    language_choices,
)
from consultation.models import BillOfRightsDraftPage, Channel, Stance, TextForm
from consultation.selectors import right_titles
from consultation.selectors.meetings import meeting_label, staff_meetings
from participation.forms import SafeTextFormMixin
from participation.querystring import positive_int
from participation.text import has_text

INTAKE_TEXT_MAX = 20000
INTAKE_CHANNELS = [(value, label) for value, label in Channel.choices if value != Channel.WEB]
MESSAGES = {"required": REQUIRED, "max_length": TOO_LONG, "invalid_choice": BAD_CHOICE}


def intake_drafts():
    return (
        BillOfRightsDraftPage.objects.live()
        .filter(locale__language_code=settings.LANGUAGE_CODE)
        .order_by("-version_number")
    )


def target_choices():
    """'<draft id>:<right key>' for every right of every draft, and '<draft id>:' for a
    whole draft, labelled so staff can find the right a caller talked about."""
    choices = []
    for draft in intake_drafts():
        options = [(f"{draft.pk}:", _("The whole draft"))]
        options += [(f"{draft.pk}:{key}", title) for key, title in right_titles(draft).items()]
        choices.append((draft.title, options))
    return choices


class ProvenanceFields(SafeTextFormMixin, forms.Form):
    """Fields every staff-recorded comment has, whether typed in or imported."""

    channel = forms.ChoiceField(label=_("How it reached us"), choices=INTAKE_CHANNELS)
    received_on = forms.DateField(
        label=_("Date received"),
        widget=forms.DateInput(attrs={"type": "date"}),
        error_messages={**MESSAGES, "invalid": _("Enter a date like 2025-03-31.")},
    )
    taken_by = forms.CharField(
        label=_("Staff member who took it"), max_length=200, error_messages=MESSAGES
    )
    interpreter_used = forms.BooleanField(label=_("An interpreter was used"), required=False)
    interpreter_language = forms.CharField(
        label=_("Interpreter's language"), max_length=60, required=False, error_messages=MESSAGES
    )
    text_form = forms.ChoiceField(
        label=_("How the text was written down"), choices=TextForm.choices, error_messages=MESSAGES
    )
    source_detail = forms.CharField(
        label=_("Meeting, letter or call details (optional)"),
        max_length=255,
        required=False,
        error_messages=MESSAGES,
    )
    language = forms.ChoiceField(
        label=_("Language of the comment"), choices=language_choices, error_messages=MESSAGES
    )
    stance = forms.ChoiceField(
        label=_("Stance"), choices=Stance.choices, initial=Stance.NONE, error_messages=MESSAGES
    )
    text = forms.CharField(
        label=_("Comment"),
        max_length=INTAKE_TEXT_MAX,
        strip=False,
        widget=forms.Textarea(attrs={"rows": 8}),
        error_messages=MESSAGES,
    )
    name = forms.CharField(
        label=_("Resident's name (optional)"),
        max_length=200,
        required=False,
        error_messages=MESSAGES,
    )
    email = forms.EmailField(
        label=_("Resident's email (optional)"),
        max_length=254,
        required=False,
        error_messages={**MESSAGES, "invalid": BAD_EMAIL},
    )
    district = forms.CharField(
        label=_("Neighbourhood or district (optional)"),
        max_length=120,
        required=False,
        error_messages=MESSAGES,
    )
    consent_contact = forms.BooleanField(
        label=_("The resident agreed that the city may contact them"), required=False
    )
    consent_show_name = forms.BooleanField(
        label=_("The resident agreed to show their name"), required=False
    )

    def clean_received_on(self):
        value = self.cleaned_data["received_on"]
        if value > timezone.localdate():
            raise forms.ValidationError(_("The date received cannot be in the future."))
        return value

    def clean_text(self):
        """Refuse a comment with nothing left once cleaned; hand on what was sent (the service
        applies the plain-text rule once and flags what it removed)."""
        if not has_text(self.cleaned_data.get("text", "")):
            raise forms.ValidationError(EMPTY_COMMENT, code="empty")
        return self.sent_value("text", self.cleaned_data["text"])

    def clean_taken_by(self):
        value = self.cleaned_data.get("taken_by", "")
        if not has_text(value):
            raise forms.ValidationError(REQUIRED)
        return value

    def clean(self):
        data = super().clean()
        if data.get("interpreter_used") and not has_text(data.get("interpreter_language", "")):
            self.add_error(
                "interpreter_language", _("Say which language the interpreter worked in.")
            )
        if data.get("consent_contact") and not data.get("email") and "email" not in self.errors:
            self.add_error(
                "email",
                _("Enter the resident's email address, or untick the contact box."),
            )
        if (
            data.get("consent_show_name")
            and not has_text(data.get("name", ""))
            and "name" not in self.errors
        ):
            self.add_error("name", _("Enter the name to show, or untick the box."))
        return data


def meeting_choices():
    return [("", _("Not taken at a meeting on the site"))] + [
        (str(meeting.pk), meeting_label(meeting)) for meeting in staff_meetings()
    ]


class IntakeForm(ProvenanceFields):
    target = forms.ChoiceField(label=_("What the comment is about"), choices=target_choices)
    meeting = forms.ChoiceField(
        label=_("Meeting"),
        help_text=_("For a comment taken at a meeting: reports can then show it by meeting."),
        choices=meeting_choices,
        required=False,
        error_messages=MESSAGES,
    )
    field_order = ["channel", "meeting", "received_on", "taken_by", "target"]

    def clean_meeting(self):
        number = positive_int(self.cleaned_data.get("meeting"))
        if number is None:
            return None
        meeting = staff_meetings().filter(pk=number).first()
        if meeting is None:
            raise forms.ValidationError(BAD_CHOICE)
        return meeting

    def clean(self):
        data = super().clean()
        meeting, target = data.get("meeting"), data.get("target")
        if meeting is None:
            return data
        if data.get("channel") and data["channel"] != Channel.MEETING:
            message = _("A comment taken at a meeting comes in through “%(channel)s”.")
            self.add_error("channel", message % {"channel": Channel.MEETING.label})
        if target and meeting.get_parent().translation_key != _consultation_key(target):
            self.add_error("meeting", _("This meeting belongs to another consultation."))
        return data

    def clean_target(self):
        value = self.cleaned_data["target"]
        page_id, _sep, right_key = value.partition(":")
        number = positive_int(page_id)
        draft = intake_drafts().filter(pk=number).first() if number is not None else None
        if draft is None or (right_key and right_key not in right_titles(draft)):
            raise forms.ValidationError(BAD_CHOICE)
        return {"draft": draft, "right_key": right_key}


def _consultation_key(target: dict):
    return target["draft"].get_parent().translation_key


class ImportUploadForm(forms.Form):
    draft = forms.ModelChoiceField(
        label=_("Draft the comments are about"),
        queryset=BillOfRightsDraftPage.objects.none(),
        error_messages={"required": REQUIRED, "invalid_choice": BAD_CHOICE},
    )
    file = forms.FileField(
        label=_("Spreadsheet (CSV or XLSX)"),
        help_text=_(
            "Use the template. One comment per row. Nothing is imported until you confirm."
        ),
        error_messages={"required": REQUIRED},
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["draft"].queryset = intake_drafts()
