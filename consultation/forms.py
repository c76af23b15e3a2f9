"""The resident's comment form, the reference-code lookup, and the statement forms: a vote
(three buttons, no JavaScript needed) and a proposed statement (the comment form's safeguards).

Every message is our own translated string: Django ships no Somali, Tagalog or Amharic, so its
built-in messages would reach those residents in English.
"""

import uuid

from django import forms
from django.conf import settings
from django.core import signing
from django.utils.translation import gettext_lazy as _

from config.languages import LANGUAGE_TABLE
from consultation.models import Stance
from consultation.models.statements import STATEMENT_MAX_LENGTH, VoteValue
from participation.forms import SafeTextFormMixin
from participation.references import LENGTH as REFERENCE_LENGTH
from participation.references import normalise_reference
from participation.text import clean_line, has_text
from participation.values import Contact, Content

TEXT_MAX = 5000
TOKEN_SALT = "consultation.comment-form"  # noqa: S105 - a signing namespace, not a secret
REQUIRED = _("This field is required.")
TOO_LONG = _("Please shorten this to %(limit_value)d characters or fewer (it has %(show_value)d).")
BAD_EMAIL = _("Enter an email address like name@example.org.")
BAD_CHOICE = _("Choose one of the options.")
EMPTY_COMMENT = _("Please write your comment.")
EMPTY_STATEMENT = _("Please write your statement.")


def language_choices():
    """Each language in its own name, so a resident finds theirs whatever page they are on."""
    return [(code, local) for code, _english, local, _bidi in LANGUAGE_TABLE]


def new_form_token() -> str:
    return signing.dumps(uuid.uuid4().hex, salt=TOKEN_SALT)


def read_form_token(value: str) -> str | None:
    """The one-time token inside a signed form value, or None if forged or expired."""
    max_age = getattr(settings, "COMMENT_FORM_TOKEN_MAX_AGE", 2 * 24 * 3600)
    try:
        token = signing.loads(value or "", salt=TOKEN_SALT, max_age=max_age)
    except signing.BadSignature:
        return None
    return token if isinstance(token, str) and len(token) == 32 else None


def _messages(**extra):
    return {"required": REQUIRED, "max_length": TOO_LONG, "invalid_choice": BAD_CHOICE, **extra}


class OneSubmissionMixin:
    """A resident's form with a signed one-submission token (a resubmitted form is recognised,
    never stored twice) and a "website" honeypot field; the form declares both fields."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if not self.is_bound:
            self.initial.setdefault("form_token", new_form_token())
        self.token = None
        self.token_expired = False

    @property
    def honeypot_filled(self) -> bool:
        return bool(self.data.get("website", "").strip()) if self.is_bound else False

    @property
    def token_value(self) -> str:
        """The signed token to embed: the posted one while it is valid, else a fresh one."""
        if self.is_bound and not self.token_expired:
            return self.data.get("form_token", "") or new_form_token()
        return self.initial.get("form_token") or new_form_token()


class CommentForm(OneSubmissionMixin, SafeTextFormMixin, forms.Form):
    text = forms.CharField(
        label=_("Your comment"),
        help_text=_(
            "Write in any language. Please do not include phone numbers, addresses or other "
            "personal details: we hide them before anything is published."
        ),
        widget=forms.Textarea(attrs={"rows": 8, "maxlength": TEXT_MAX}),
        max_length=TEXT_MAX,
        strip=False,
        error_messages=_messages(),
    )
    stance = forms.ChoiceField(
        label=_("What do you think of this?"),
        choices=Stance.choices,
        initial=Stance.NONE,
        widget=forms.RadioSelect,
        error_messages=_messages(),
    )
    language = forms.ChoiceField(
        label=_("Language of your comment"),
        choices=language_choices,
        error_messages=_messages(),
    )
    name = forms.CharField(
        label=_("Your name (optional)"),
        max_length=200,
        required=False,
        widget=forms.TextInput(attrs={"autocomplete": "name"}),
        error_messages=_messages(),
    )
    email = forms.EmailField(
        label=_("Your email address (optional)"),
        help_text=_("We only use it if you tick the box below."),
        max_length=254,
        required=False,
        widget=forms.EmailInput(attrs={"autocomplete": "email"}),
        error_messages=_messages(invalid=BAD_EMAIL),
    )
    district = forms.CharField(
        label=_("Your neighbourhood or district (optional)"),
        max_length=120,
        required=False,
        error_messages=_messages(),
    )
    consent_contact = forms.BooleanField(
        label=_("The city may email me about this comment and the results."),
        required=False,
    )
    consent_show_name = forms.BooleanField(
        label=_("Show my name next to my comment."),
        required=False,
    )
    website = forms.CharField(
        label=_("Leave this field empty"),
        required=False,
        widget=forms.TextInput(attrs={"tabindex": "-1", "autocomplete": "off"}),
    )
    form_token = forms.CharField(widget=forms.HiddenInput, required=False)

    def clean_text(self):
        """Refuse a comment with nothing left once cleaned, but hand on what was sent: the
        service applies the plain-text rule and flags for moderators what it removed."""
        if not has_text(self.cleaned_data.get("text", "")):
            raise forms.ValidationError(EMPTY_COMMENT, code="empty")
        return self.sent_value("text", self.cleaned_data["text"])

    def clean_form_token(self):
        token = read_form_token(self.cleaned_data.get("form_token", ""))
        if token is None:
            self.token_expired = True
            self.initial["form_token"] = new_form_token()
            raise forms.ValidationError(
                _("This form has expired. Please check your comment and send it again."),
                code="expired",
            )
        self.token = token
        return token

    def clean(self):
        data = super().clean()
        for name in ("name", "district"):
            if name in data and not clean_line(data[name]):
                data[name] = ""  # nothing but spaces or removed characters: not given
        return self._consents(data)

    def content(self) -> Content:
        data = self.cleaned_data
        return Content(text=data["text"], stance=data["stance"], language=data["language"])

    def contact(self) -> Contact:
        data = self.cleaned_data
        return Contact(
            name=data["name"],
            email=data["email"],
            district=data["district"],
            consent_contact=data["consent_contact"],
            consent_show_name=data["consent_show_name"],
        )

    def _consents(self, data):
        if data.get("consent_contact") and not data.get("email") and "email" not in self.errors:
            self.add_error(
                "email",
                forms.ValidationError(
                    _("Enter your email address so we can contact you, or untick the box."),
                    code="email_needed",
                ),
            )
        if data.get("consent_show_name") and not data.get("name") and "name" not in self.errors:
            self.add_error(
                "name",
                forms.ValidationError(
                    _("Enter the name to show, or untick the box."), code="name_needed"
                ),
            )
        return data


class StatusLookupForm(SafeTextFormMixin, forms.Form):
    code = forms.CharField(
        label=_("Reference code"),
        help_text=_("The code you got after sending your comment, for example 7KQ4M-XP2RT."),
        max_length=40,
        error_messages=_messages(),
    )

    def clean_code(self):
        code = normalise_reference(self.cleaned_data["code"])
        if len(code) != REFERENCE_LENGTH:
            raise forms.ValidationError(
                _("A reference code has %(count)d letters and digits.")
                % {"count": REFERENCE_LENGTH},
                code="length",
            )
        return code


class VoteForm(forms.Form):
    statement = forms.UUIDField(widget=forms.HiddenInput, error_messages=_messages())
    value = forms.TypedChoiceField(
        choices=VoteValue.choices, coerce=int, error_messages=_messages()
    )


class ProposalForm(CommentForm):
    text = forms.CharField(
        label=_("Your statement"),
        help_text=_(
            "One short sentence others can agree or disagree with, in any language. It is "
            "checked by a moderator before anyone votes on it."
        ),
        widget=forms.Textarea(attrs={"rows": 3, "maxlength": STATEMENT_MAX_LENGTH}),
        max_length=STATEMENT_MAX_LENGTH,
        strip=False,
        error_messages=_messages(),
    )
    language = forms.ChoiceField(
        label=_("Language of your statement"),
        choices=CommentForm.base_fields["language"].choices,
        error_messages=_messages(),
    )
    stance = None
    name = None
    email = None
    district = None
    consent_contact = None
    consent_show_name = None

    def clean_text(self):
        try:
            return super().clean_text()
        except forms.ValidationError as error:
            raise forms.ValidationError(EMPTY_STATEMENT, code="empty") from error

    def clean(self):
        return forms.Form.clean(self)

    def content(self) -> Content:
        data = self.cleaned_data
        return Content(text=data["text"], language=data["language"], purpose="statement")
