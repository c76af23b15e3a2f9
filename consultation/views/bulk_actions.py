"""Publish or reject many comments at once through Wagtail's bulk actions (the moderation
queue's checkboxes). Each comment still gets its own audit row, tied together by a batch id."""

from django import forms
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext
from wagtail.snippets.bulk_actions.snippet_bulk_action import SnippetBulkAction

from consultation import services
from consultation.models import Comment, DecisionAction, RejectionReason
from consultation.rules import comment_policy

NOTE = forms.CharField(
    label=_("Note for the record (not shown to the resident)"),
    required=False,
    max_length=2000,
    widget=forms.Textarea(attrs={"rows": 2}),
)


class ApproveForm(forms.Form):
    note = NOTE


class RejectForm(forms.Form):
    reason = forms.ChoiceField(label=_("Reason"), choices=RejectionReason.choices)
    note = NOTE


class CommentDecisionBulkAction(SnippetBulkAction):
    """Shared by publish and reject: only comments, only for those who may moderate."""

    models = [Comment]
    template_name = "consultation/admin/bulk/confirm_decision.html"
    decision = ""

    @property
    def permission_policy(self):
        return comment_policy

    def check_perm(self, obj):
        return comment_policy.user_has_permission(self.request.user, "moderate")

    def get_execution_context(self):
        data = self.cleaned_form.cleaned_data
        return {"user": self.request.user, "reason": data.get("reason", ""), "note": data["note"]}

    @classmethod
    def execute_action(cls, objects, user=None, reason="", note="", **kwargs):
        count = services.comments_moderate_bulk(
            comment_ids=[comment.pk for comment in objects],
            user=user,
            action=cls.decision,
            reason=reason,
            note=note,
        )
        return count, 0


class ApproveBulkAction(CommentDecisionBulkAction):
    display_name = _("Publish")
    action_type = "publish"
    aria_label = _("Publish the selected comments")
    action_priority = 10
    form_class = ApproveForm
    decision = DecisionAction.APPROVE

    def get_context_data(self, **kwargs):
        return {
            **super().get_context_data(**kwargs),
            "action_title": _("Publish comments"),
            "action_question": _("Publish these comments?"),
        }

    def get_success_message(self, num_parent_objects, num_child_objects):
        return ngettext(
            "Published %(count)d comment.", "Published %(count)d comments.", num_parent_objects
        ) % {"count": num_parent_objects}


class RejectBulkAction(CommentDecisionBulkAction):
    display_name = _("Do not publish")
    action_type = "reject"
    aria_label = _("Do not publish the selected comments")
    action_priority = 20
    form_class = RejectForm
    decision = DecisionAction.REJECT

    def get_context_data(self, **kwargs):
        return {
            **super().get_context_data(**kwargs),
            "action_title": _("Do not publish comments"),
            "action_question": _("Keep these comments off the public pages, for this reason?"),
        }

    def get_success_message(self, num_parent_objects, num_child_objects):
        return ngettext(
            "Did not publish %(count)d comment.",
            "Did not publish %(count)d comments.",
            num_parent_objects,
        ) % {"count": num_parent_objects}
