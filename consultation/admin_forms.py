"""Forms for staff screens in the Wagtail admin: the moderation queue filters and decisions."""

from django import forms
from django.conf import settings
from django.utils.translation import gettext_lazy as _

from consultation.models import (
    BillOfRightsDraftPage,
    Channel,
    CommentStatus,
    DecisionAction,
    RejectionReason,
)
from consultation.models.comments import LANGUAGE_CHOICES
from consultation.selectors import right_titles

FLAG_CHOICES = [
    ("", _("Any")),
    ("personal_data", _("Personal data hidden, not yet confirmed")),
    ("duplicate", _("Same or nearly the same text as other comments")),
    ("cleaned", _("Markup or hidden characters removed")),
    ("intake", _("Recorded by staff (not the website)")),
]


def draft_choices():
    """Drafts in the default language, named by title; the value is the translation key so
    the filter covers every language version of the draft."""
    drafts = BillOfRightsDraftPage.objects.filter(
        locale__language_code=settings.LANGUAGE_CODE
    ).order_by("-version_number")
    return [("", _("Any"))] + [(str(d.translation_key), d.title) for d in drafts]


def right_choices():
    """Rights of the newest draft in the default language (keys are stable across drafts)."""
    choices = [("", _("Any")), ("-", _("The whole draft"))]
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


class QueueFilterForm(forms.Form):
    status = forms.ChoiceField(
        label=_("Status"),
        required=False,
        choices=[("", _("Any"))] + list(CommentStatus.choices),
    )
    language = forms.ChoiceField(
        label=_("Language"), required=False, choices=[("", _("Any"))] + LANGUAGE_CHOICES
    )
    draft = forms.ChoiceField(label=_("Draft"), required=False, choices=draft_choices)
    right = forms.ChoiceField(label=_("Right"), required=False, choices=right_choices)
    channel = forms.ChoiceField(
        label=_("Channel"), required=False, choices=[("", _("Any"))] + list(Channel.choices)
    )
    flag = forms.ChoiceField(label=_("Flag"), required=False, choices=FLAG_CHOICES)
    q = forms.CharField(label=_("Text or reference code"), required=False, max_length=200)

    def queue_filters(self) -> dict:
        data = self.cleaned_data if self.is_valid() else {}
        right = data.get("right", "")
        return {
            "status": data.get("status", ""),
            "language": data.get("language", ""),
            "draft_key": data.get("draft") or None,
            "right_key": "" if right == "-" else (right or None),
            "channel": data.get("channel", ""),
            "flag": data.get("flag", ""),
            "search": data.get("q", "").strip(),
        }


class DecisionForm(forms.Form):
    action = forms.ChoiceField(
        choices=[
            (DecisionAction.APPROVE, _("Publish")),
            (DecisionAction.REJECT, _("Do not publish")),
        ]
    )
    reason = forms.ChoiceField(
        label=_("Reason (needed to not publish)"),
        required=False,
        choices=[("", "---------")] + list(RejectionReason.choices),
    )
    note = forms.CharField(
        label=_("Note for the record (not shown to the resident)"),
        required=False,
        max_length=2000,
        widget=forms.Textarea(attrs={"rows": 2}),
    )

    def clean(self):
        data = super().clean()
        if data.get("action") == DecisionAction.REJECT and not data.get("reason"):
            self.add_error("reason", _("Choose the reason the comment is not published."))
        return data


class BulkDecisionForm(DecisionForm):
    """The queue's bulk form: the same decision for every ticked comment."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        data = self.data if self.is_bound else {}
        values = data.getlist("comments") if hasattr(data, "getlist") else []
        self.comment_ids = sorted({int(v) for v in values if str(v).isdigit()})

    def clean(self):
        data = super().clean()
        if not self.comment_ids:
            raise forms.ValidationError(_("Tick at least one comment."))
        return data


class RedactionForm(forms.Form):
    action = forms.ChoiceField(
        choices=[
            (DecisionAction.CONFIRM_REDACTION, _("Confirm hiding")),
            (DecisionAction.UNDO_REDACTION, _("Undo hiding")),
            (DecisionAction.EDIT_REDACTION, _("Save edited version")),
        ]
    )
    redacted_text = forms.CharField(
        label=_("Public version with personal data hidden"),
        required=False,
        max_length=20000,
        widget=forms.Textarea(attrs={"rows": 5}),
    )

    def clean(self):
        data = super().clean()
        if (
            data.get("action") == DecisionAction.EDIT_REDACTION
            and not data.get("redacted_text", "").strip()
        ):
            self.add_error("redacted_text", _("Write the public version of the comment."))
        return data
