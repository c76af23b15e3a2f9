"""Moderation screens in the Wagtail admin: the queue with filters and bulk decisions, and one
comment with its original and public text, provenance, duplicates and full decision history."""

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.core.paginator import Paginator
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from consultation import rules, selectors, services
from consultation.admin_forms import BulkDecisionForm, DecisionForm, QueueFilterForm, RedactionForm
from consultation.models import Comment, CommentStatus, DecisionAction

QUEUE_PAGE_SIZE = 50


def _require_moderator(request):
    if not rules.can_moderate(request.user):
        raise PermissionDenied


def _rights_by_draft_key(comments) -> dict:
    """Right titles for the drafts on one page of the queue, one lookup per draft."""
    titles = {}
    for comment in comments:
        if comment.draft_key not in titles and comment.draft is not None:
            titles[comment.draft_key] = selectors.right_titles(comment.draft)
    return titles


def queue(request):
    _require_moderator(request)
    params = request.GET.copy()
    if "status" not in params:
        params["status"] = CommentStatus.AWAITING_MODERATION
    filters = QueueFilterForm(params)
    comments = selectors.moderation_queue(**filters.queue_filters())
    page_obj = Paginator(comments, QUEUE_PAGE_SIZE).get_page(request.GET.get("page"))
    rows = list(page_obj.object_list)
    titles = _rights_by_draft_key(rows)
    groups = selectors.duplicate_group_sizes({c.duplicate_group for c in rows})
    for comment in rows:
        comment.right_title = titles.get(comment.draft_key, {}).get(comment.right_key, "")
        comment.group_size = groups.get(comment.duplicate_group, 0)
    query = params.copy()
    query.pop("page", None)
    context = {
        "filters": filters,
        "page_obj": page_obj,
        "rows": rows,
        "bulk_form": BulkDecisionForm(),
        "query": query.urlencode(),
        "total": page_obj.paginator.count,
    }
    return TemplateResponse(request, "consultation/admin/queue.html", context)


def _safe_next(target: str, request) -> str:
    """A same-site path to return to, or "" (never a javascript: or foreign URL)."""
    if target and url_has_allowed_host_and_scheme(
        target, allowed_hosts={request.get_host()}, require_https=request.is_secure()
    ):
        return target
    return ""


def _back(request, fallback: str) -> str:
    return _safe_next(request.POST.get("next", ""), request) or fallback


@require_POST
def bulk(request):
    _require_moderator(request)
    form = BulkDecisionForm(request.POST)
    back = _back(request, reverse("consultation_moderation:queue"))
    if not form.is_valid():
        for errors in form.errors.values():
            for error in errors:
                messages.error(request, error)
        return redirect(back)
    count = services.comments_moderate_bulk(
        comment_ids=form.comment_ids,
        user=request.user,
        action=form.cleaned_data["action"],
        reason=form.cleaned_data["reason"],
        note=form.cleaned_data["note"],
    )
    if form.cleaned_data["action"] == DecisionAction.APPROVE:
        messages.success(request, _("Published %(count)d comments.") % {"count": count})
    else:
        messages.success(request, _("Did not publish %(count)d comments.") % {"count": count})
    return redirect(back)


def _segments(comment: Comment) -> list[dict]:
    """The original text cut into plain and personal-data pieces for highlighting."""
    pieces, position = [], 0
    for span in sorted(comment.redaction_spans or [], key=lambda s: s["start"]):
        start, end = span["start"], span["end"]
        if start < position or end > len(comment.text):
            continue
        if start > position:
            pieces.append({"text": comment.text[position:start], "kind": ""})
        pieces.append({"text": comment.text[start:end], "kind": span["kind"]})
        position = end
    if position < len(comment.text):
        pieces.append({"text": comment.text[position:], "kind": ""})
    return pieces


def detail(request, pk: int):
    _require_moderator(request)
    comment = get_object_or_404(Comment.objects.select_related("draft"), pk=pk)
    decision_form = DecisionForm()
    redaction_form = RedactionForm(initial={"redacted_text": comment.public_text})
    if request.method == "POST":
        if request.POST.get("form") == "redaction":
            redaction_form = RedactionForm(request.POST)
            if redaction_form.is_valid():
                services.comment_redaction_decide(
                    comment=comment,
                    user=request.user,
                    action=redaction_form.cleaned_data["action"],
                    redacted_text=redaction_form.cleaned_data["redacted_text"],
                )
                messages.success(request, _("Saved the decision about personal data."))
                return redirect("consultation_moderation:detail", pk=comment.pk)
        else:
            decision_form = DecisionForm(request.POST)
            if decision_form.is_valid():
                data = decision_form.cleaned_data
                if data["action"] == DecisionAction.APPROVE:
                    services.comment_approve(comment=comment, user=request.user, note=data["note"])
                    messages.success(request, _("The comment is published."))
                else:
                    services.comment_reject(
                        comment=comment, user=request.user, reason=data["reason"], note=data["note"]
                    )
                    messages.success(request, _("The comment is not published."))
                return redirect(_back(request, reverse("consultation_moderation:queue")))
    titles = selectors.right_titles(comment.draft) if comment.draft else {}
    duplicates = (
        Comment.objects.filter(duplicate_group=comment.duplicate_group).exclude(pk=comment.pk)
        if comment.duplicate_group
        else Comment.objects.none()
    )
    context = {
        "comment": comment,
        "right_title": titles.get(comment.right_key, ""),
        "segments": _segments(comment),
        "decisions": comment.decisions.select_related("decided_by"),
        "provenance": getattr(comment, "provenance", None),
        "duplicates": duplicates[:20],
        "duplicate_count": duplicates.count(),
        "decision_form": decision_form,
        "redaction_form": redaction_form,
        "next": _safe_next(request.GET.get("next", ""), request),
    }
    status = 400 if request.method == "POST" else 200
    return TemplateResponse(request, "consultation/admin/detail.html", context, status=status)
