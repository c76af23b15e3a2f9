"""The resident's meeting sign-up form: everything optional but the number of places, and an
email address only with a ticked box that says what it is for."""

from django import forms
from django.utils.translation import gettext_lazy as _

from consultation.forms import (
    BAD_CHOICE,
    BAD_EMAIL,
    REQUIRED,
    TOO_LONG,
    OneSubmissionMixin,
    language_choices,
    new_form_token,
    read_form_token,
)
from consultation.meetings.services import NEEDS_MAX, SignupDetails
from participation.forms import SafeTextFormMixin
from participation.text import clean_line
from participation.values import Contact

MAX_PLACES = 5
MESSAGES = {"required": REQUIRED, "max_length": TOO_LONG, "invalid_choice": BAD_CHOICE}


def interpretation_choices():
    return [("", _("No interpreter needed")), *language_choices()]


class SignupForm(OneSubmissionMixin, SafeTextFormMixin, forms.Form):
    places = forms.TypedChoiceField(
        label=_("How many places?"),
        help_text=_("Count yourself and anyone coming with you."),
        choices=[(n, str(n)) for n in range(1, MAX_PLACES + 1)],
        coerce=int,
        initial=1,
        error_messages=MESSAGES,
    )
    name = forms.CharField(
        label=_("Your name (optional)"),
        max_length=200,
        required=False,
        widget=forms.TextInput(attrs={"autocomplete": "name"}),
        error_messages=MESSAGES,
    )
    interpretation = forms.ChoiceField(
        label=_("I need an interpreter in"),
        choices=interpretation_choices,
        required=False,
        error_messages=MESSAGES,
    )
    childcare = forms.BooleanField(label=_("I need childcare at the meeting."), required=False)
    needs = forms.CharField(
        label=_("Anything else we should arrange? (optional)"),
        help_text=_("For example a wheelchair space, large print or a sign language interpreter."),
        max_length=NEEDS_MAX,
        required=False,
        strip=False,
        widget=forms.Textarea(attrs={"rows": 3, "maxlength": NEEDS_MAX}),
        error_messages=MESSAGES,
    )
    email = forms.EmailField(
        label=_("Your email address (optional)"),
        help_text=_("Only if you tick the box below. We never share it."),
        max_length=254,
        required=False,
        widget=forms.EmailInput(attrs={"autocomplete": "email"}),
        error_messages={**MESSAGES, "invalid": BAD_EMAIL},
    )
    consent_contact = forms.BooleanField(
        label=_(
            "The city may email me a confirmation of my sign-up. "
            "My address is deleted after the meeting."
        ),
        required=False,
    )
    website = forms.CharField(
        label=_("Leave this field empty"),
        required=False,
        widget=forms.TextInput(attrs={"tabindex": "-1", "autocomplete": "off"}),
    )
    form_token = forms.CharField(widget=forms.HiddenInput, required=False)

    def clean_needs(self):
        return self.sent_value("needs", self.cleaned_data.get("needs", ""))

    def clean_form_token(self):
        token = read_form_token(self.cleaned_data.get("form_token", ""))
        if token is None:
            self.token_expired = True
            self.initial["form_token"] = new_form_token()
            raise forms.ValidationError(
                _("This form has expired. Please check your answers and send it again."),
                code="expired",
            )
        self.token = token
        return token

    def clean(self):
        data = super().clean()
        if "name" in data and not clean_line(data["name"]):
            data["name"] = ""
        email, consent = data.get("email"), data.get("consent_contact")
        if consent and not email and "email" not in self.errors:
            self.add_error(
                "email",
                forms.ValidationError(
                    _("Enter your email address so we can contact you, or untick the box."),
                    code="email_needed",
                ),
            )
        if email and not consent:
            self.add_error(
                "consent_contact",
                forms.ValidationError(
                    _("Tick the box so we may use your email address, or leave the address empty."),
                    code="consent_needed",
                ),
            )
        return data

    def details(self, *, language: str) -> SignupDetails:
        data = self.cleaned_data
        return SignupDetails(
            language=language,
            places=data["places"],
            interpretation=data["interpretation"] or "",
            childcare=data["childcare"],
            needs=data["needs"],
        )

    def contact(self) -> Contact:
        data = self.cleaned_data
        return Contact(
            name=data["name"], email=data["email"], consent_contact=data["consent_contact"]
        )
