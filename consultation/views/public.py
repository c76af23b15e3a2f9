"""Pages residents use without an account: the comment form, the receipt and status lookup,
all published comments on a right, and the printable paper form."""

from django.core.paginator import Paginator
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils.translation import get_language
from django.views.decorators.http import require_http_methods

from consultation import panels, rules, selectors, services
from consultation.forms import CommentForm, StatusLookupForm
from consultation.kiosks.access import comment_verdict
from consultation.models import BillOfRightsDraftPage
from participation import ratelimit
from participation.querystring import positive_int
from participation.values import Origin


def _live_draft(page_id: int) -> BillOfRightsDraftPage:
    return get_object_or_404(BillOfRightsDraftPage.objects.live(), pk=page_id)


def _right(draft, right_key: str | None):
    """The right block with this key, or None for the whole draft; 404 for an unknown key."""
    if not right_key:
        return None
    for block in draft.body:
        if block.block_type == "right" and block.id == right_key:
            return block
    raise Http404("No such right")


def _same_page_in_language(draft, route: str, right_key: str | None):
    """When the language switcher lands on another language's draft id, go to the draft in
    the language of the URL instead, so the page and the interface agree."""
    language = get_language()
    if draft.locale.language_code == language:
        return None
    other = selectors.draft_in_language(draft_key=draft.translation_key, language=language)
    if other is None:
        return None
    args = [other.pk, right_key] if right_key else [other.pk]
    name = f"consultation:{route}_right" if right_key else f"consultation:{route}"
    return redirect(reverse(name, args=args))


def rate_limited(request, verdict: ratelimit.Verdict) -> TemplateResponse:
    response = TemplateResponse(request, "consultation/rate_limited.html", {}, status=429)
    response["Retry-After"] = str(verdict.retry_after)
    return response


@require_http_methods(["GET", "POST"])
def comment_create(request, page_id: int, right_key: str | None = None):
    """The comment form for one right or the whole draft; works without JavaScript."""
    draft = _live_draft(page_id)
    right = _right(draft, right_key)
    if request.method == "GET":
        moved = _same_page_in_language(draft, "comment", right_key)
        if moved is not None:
            return moved
    consultation = draft.consultation
    context = {
        "draft": draft,
        "right": right,
        "right_key": right_key or "",
        "right_number": _right_number(draft, right_key),
        "consultation": consultation,
    }
    if not rules.can_comment(request.user, consultation):
        context["closed"] = True
        status = 403 if request.method == "POST" else 200
        return TemplateResponse(request, "consultation/comment_form.html", context, status=status)
    if request.method == "GET":
        form = CommentForm(initial={"language": draft.locale.language_code})
        context["form"] = form
        return TemplateResponse(request, "consultation/comment_form.html", context)
    address = ratelimit.client_pseudonym(request)
    verdict, kiosk = comment_verdict(request, address=address)
    if not verdict.allowed:
        return rate_limited(request, verdict)
    form = CommentForm(request.POST)
    context["form"] = form
    if form.honeypot_filled:
        form.is_valid()
        form.add_error(None, _honeypot_message())
        return TemplateResponse(request, "consultation/comment_form.html", context, status=400)
    if not form.is_valid():
        return TemplateResponse(request, "consultation/comment_form.html", context, status=400)
    try:
        submission = services.comment_submit(
            draft=draft,
            right_key=right_key or "",
            content=form.content(),
            contact=form.contact(),
            origin=Origin(submission_token=form.token, client_hash=address, kiosk=kiosk),
        )
    except services.CommentRejected:
        form.add_error("text", _empty_message())
        return TemplateResponse(request, "consultation/comment_form.html", context, status=400)
    url = reverse("consultation:status") + f"?code={submission.comment.reference}&sent=1"
    return redirect(url, permanent=False)


def _honeypot_message():
    from django.utils.translation import gettext

    return gettext(
        "Your comment was not sent. Please clear the field labelled “Leave this field empty” "
        "and send it again."
    )


def _empty_message():
    from django.utils.translation import gettext

    return gettext("Please write your comment.")


def _right_number(draft, right_key: str | None) -> int | None:
    number = 0
    for block in draft.body:
        if block.block_type == "right":
            number += 1
            if block.id == right_key:
                return number
    return None


def comment_status(request):
    """Look up a comment by its reference code; no login. Shows where it is on its way."""
    context = {"sent": request.GET.get("sent") == "1"}
    if "code" not in request.GET:
        context["form"] = StatusLookupForm()
        return TemplateResponse(request, "consultation/status.html", context)
    verdict = ratelimit.check(request, "status")
    if not verdict.allowed:
        return rate_limited(request, verdict)
    form = StatusLookupForm(request.GET)
    context["form"] = form
    if not form.is_valid():
        return TemplateResponse(request, "consultation/status.html", context, status=400)
    comment = selectors.comment_by_reference(form.cleaned_data["code"])
    if comment is None:
        form.add_error("code", _not_found_message())
        return TemplateResponse(request, "consultation/status.html", context, status=404)
    context.update(selectors.comment_status_context(comment, language=get_language()))
    found = panels.status_panels(comment=comment, request=request)
    context.update(
        status_steps=[panel for panel in found if panel.placement == "step"],
        status_sections=[panel for panel in found if panel.placement != "step"],
        panel_stylesheets=panels.stylesheets(found),
    )
    return TemplateResponse(request, "consultation/status.html", context)


def _not_found_message():
    from django.utils.translation import gettext

    return gettext("We could not find a comment with that code. Check it and try again.")


def comment_list(request, page_id: int, right_key: str | None = None):
    """All published comments on a right (or on the whole draft), paged, with stance counts
    and an optional filter for comments in the reader's language."""
    draft = _live_draft(page_id)
    right = _right(draft, right_key)
    moved = _same_page_in_language(draft, "comments", right_key)
    if moved is not None:
        if request.GET:
            moved["Location"] += "?" + request.GET.urlencode()
        return moved
    mine = request.GET.get("language") == "mine"
    language = get_language() if mine else None
    comments = selectors.comments_published(
        draft_key=draft.translation_key, right_key=right_key or "", language=language
    )
    paginator = Paginator(comments, selectors.COMMENTS_PER_PAGE)
    page_obj = paginator.get_page(request.GET.get("page"))
    context = {
        "draft": draft,
        "right": right,
        "right_key": right_key or "",
        "right_number": _right_number(draft, right_key),
        "page_obj": page_obj,
        "comments": page_obj.object_list,
        "mine": mine,
        "stances": selectors.RightComments(
            key=right_key or "", stances=selectors.stance_counts(comments)
        ).stance_rows,
        "total": paginator.count,
        "consultation": draft.consultation,
        "can_comment": rules.can_comment(request.user, draft.consultation),
    }
    return TemplateResponse(request, "consultation/comment_list.html", context)


def paper_form(request):
    """A printable comment form for the current language, listing every right of the newest
    draft of the open consultation (or of ?draft=<id>)."""
    language = get_language()
    draft = None
    page_id = positive_int(request.GET.get("draft"))
    if page_id is not None:
        draft = _live_draft(page_id)
        draft = (
            selectors.draft_in_language(draft_key=draft.translation_key, language=language) or draft
        )
    if draft is None:
        consultation = selectors.live_consultation_in_language(language)
        if consultation is None:
            raise Http404("No consultation in this language")
        draft = consultation.draft_versions().first()
        if draft is None:
            raise Http404("No draft yet")
    rights = [block for block in draft.body if block.block_type == "right"]
    context = {"draft": draft, "rights": rights, "consultation": draft.consultation}
    return TemplateResponse(request, "consultation/paper_form.html", context)
