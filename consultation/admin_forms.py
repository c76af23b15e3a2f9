"""Forms of a comment's moderation screen: the publish decision and the personal-data decision.
Both sit on one page and both have a field named `action`, so each form prefixes its ids
(`decision-action`, `redaction-action`): every label then points at its own field."""

from django import forms
from django.utils.translation import gettext_lazy as _

from consultation.models import DecisionAction, RejectionReason
from participation.forms import SafeTextFormMixin
from participation.text import has_text


class DecisionForm(forms.Form):
    # No decision is preselected: Enter in this form never publishes by default.
    action = forms.ChoiceField(
        label=_("Publish or not"),
        choices=[
            ("", "---------"),
            (DecisionAction.APPROVE, _("Publish")),
            (DecisionAction.REJECT, _("Do not publish")),
        ],
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

    def __init__(self, *args, **kwargs):
        kwargs.setdefault("auto_id", "decision-%s")
        super().__init__(*args, **kwargs)

    def clean(self):
        data = super().clean()
        if data.get("action") == DecisionAction.REJECT and not data.get("reason"):
            self.add_error("reason", _("Choose the reason the comment is not published."))
        return data


class RedactionForm(SafeTextFormMixin, forms.Form):
    action = forms.ChoiceField(
        label=_("What to do with the hidden personal data"),
        choices=[
            (DecisionAction.CONFIRM_REDACTION, _("Confirm hiding")),
            (DecisionAction.UNDO_REDACTION, _("Undo hiding")),
            (DecisionAction.EDIT_REDACTION, _("Save edited version")),
        ],
    )
    redacted_text = forms.CharField(
        label=_("Public version with personal data hidden"),
        required=False,
        max_length=20000,
        widget=forms.Textarea(attrs={"rows": 5}),
    )

    def __init__(self, *args, **kwargs):
        kwargs.setdefault("auto_id", "redaction-%s")
        super().__init__(*args, **kwargs)

    def clean(self):
        data = super().clean()
        if data.get("action") == DecisionAction.EDIT_REDACTION and not has_text(
            data.get("redacted_text", "")
        ):
            self.add_error("redacted_text", _("Write the public version of the comment."))
        return data
