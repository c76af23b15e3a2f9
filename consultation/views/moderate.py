"""One comment for a moderator: the original with what was hidden marked, what the public sees,
provenance, duplicates and the full decision history, with the publish / do not publish form
and the personal-data form. Permission: CommentPermissionPolicy "moderate"."""

from django.contrib import messages
from django.shortcuts import get_object_or_404, redirect
from django.urls import reverse
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import gettext as _
from django.views.generic import TemplateView
from wagtail.admin.views.generic.base import WagtailAdminTemplateMixin
from wagtail.admin.views.generic.permissions import PermissionCheckedMixin

from consultation import panels, services
from consultation.admin_forms import DecisionForm, RedactionForm
from consultation.models import Comment, DecisionAction
from consultation.rules import comment_policy
from consultation.selectors.drafts import right_titles
from consultation.selectors.moderation import duplicates_of
from participation.redaction import marked_segments
from participation.references import display_reference


def safe_next(target: str, request) -> str:
    """A same-site path to return to, or "" (never a javascript: or foreign URL)."""
    if target and url_has_allowed_host_and_scheme(
        target, allowed_hosts={request.get_host()}, require_https=request.is_secure()
    ):
        return target
    return ""


class ModerateView(PermissionCheckedMixin, WagtailAdminTemplateMixin, TemplateView):
    permission_policy = comment_policy
    permission_required = "moderate"
    template_name = "consultation/admin/detail.html"
    header_icon = "comment"

    def dispatch(self, request, *args, **kwargs):
        self.comment = get_object_or_404(Comment.objects.select_related("draft"), pk=kwargs["pk"])
        return super().dispatch(request, *args, **kwargs)

    def get_page_title(self):
        return _("Comment %(code)s") % {"code": display_reference(self.comment.reference)}

    def get_page_subtitle(self):
        return self.comment.get_status_display()

    def get_breadcrumbs_items(self):
        return self.breadcrumbs_items + [
            {"url": reverse("comments:list"), "label": _("Moderation queue")},
            {"url": "", "label": self.get_page_title()},
        ]

    def _queue(self) -> str:
        return reverse("comments:list")

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        comment = self.comment
        titles = right_titles(comment.draft) if comment.draft else {}
        duplicates = duplicates_of(comment)
        context.update(
            comment=comment,
            right_title=titles.get(comment.right_key, ""),
            segments=marked_segments(comment.text, comment.redaction_spans),
            decisions=comment.decisions.select_related("decided_by"),
            provenance=getattr(comment, "provenance", None),
            duplicates=duplicates[:20],
            duplicate_count=duplicates.count(),
            moderation_panels=panels.moderation_panels(comment=comment, request=self.request),
            decision_form=kwargs.get("decision_form") or DecisionForm(),
            redaction_form=kwargs.get("redaction_form")
            or RedactionForm(initial={"redacted_text": comment.public_text}),
            next=safe_next(self.request.GET.get("next", ""), self.request),
        )
        return context

    def post(self, request, *args, **kwargs):
        if request.POST.get("form") == "redaction":
            return self._redaction(request)
        return self._decision(request)

    def _decision(self, request):
        form = DecisionForm(request.POST)
        if not form.is_valid():
            return self.render_to_response(self.get_context_data(decision_form=form), status=400)
        data = form.cleaned_data
        if data["action"] == DecisionAction.APPROVE:
            services.comment_approve(comment=self.comment, user=request.user, note=data["note"])
            messages.success(request, _("The comment is published."))
        else:
            services.comment_reject(
                comment=self.comment, user=request.user, reason=data["reason"], note=data["note"]
            )
            messages.success(request, _("The comment is not published."))
        return redirect(safe_next(request.POST.get("next", ""), request) or self._queue())

    def _redaction(self, request):
        form = RedactionForm(request.POST)
        if not form.is_valid():
            return self.render_to_response(self.get_context_data(redaction_form=form), status=400)
        try:
            services.comment_redaction_decide(
                comment=self.comment,
                user=request.user,
                action=form.cleaned_data["action"],
                redacted_text=form.cleaned_data["redacted_text"],
            )
        except services.ModerationError:
            form.add_error("redacted_text", _("Write the public version of the comment."))
            return self.render_to_response(self.get_context_data(redaction_form=form), status=400)
        messages.success(request, _("Saved the decision about personal data."))
        return redirect("comments:moderate", pk=self.comment.pk)
