"""Resident-facing survey views (steps, thank-you, printable version) and the staff entry of
paper and phone responses through the same steps. The page model's routes call these."""

from django.contrib.auth.views import redirect_to_login
from django.core.exceptions import PermissionDenied
from django.http import HttpResponseRedirect
from django.template.response import TemplateResponse
from django.utils.translation import gettext as _

from participation.channels import Channel
from participation.querystring import positive_int
from survey import rules, services
from survey.flow import SurveySession, active_steps, build_step_form, step_questions
from survey.forms import StaffChannelForm
from survey.logic import missing_required
from survey.presenters import error_summary, step_views


def _step_url(page, *, staff: bool, number: int) -> str:
    base = page.url + ("staff-entry/" if staff else "")
    return f"{base}?step={number}" if number > 1 else base


def _requested_step(request, steps, reached: int) -> int:
    raw = request.POST.get("step") if request.method == "POST" else request.GET.get("step")
    return max(1, min(positive_int(raw, 1), reached, len(steps)))


def _render_step(request, page, *, steps, index, form, staff, channel_form=None, status=200):
    views = step_views(form)
    summary = error_summary(views)
    if channel_form is not None and channel_form.errors:
        summary.insert(
            0,
            {
                "href": "#channel-0",
                "label": _("How was this response given?"),
                "message": channel_form.errors["channel"][0],
            },
        )
    context = page.get_context(request)
    context.update(
        step=steps[index - 1],
        step_number=index,
        step_count=len(steps),
        questions=views,
        errors=summary,
        is_first=index == 1,
        is_last=index == len(steps),
        staff=staff,
        channel_form=channel_form,
        action_url=page.url + ("staff-entry/" if staff else ""),
    )
    return TemplateResponse(request, page.get_template(request), context, status=status)


def _refusal(request, page, *, staff: bool):
    """Why this browser may not answer now, as a response; None when it may."""
    if staff:
        if not request.user.is_authenticated:
            return redirect_to_login(request.get_full_path())
        if not rules.can_enter_responses(request.user):
            raise PermissionDenied
        return None
    receipt = services.answered_receipt(request=request, page=page)
    if receipt:
        context = page.get_context(request)
        context["receipt_code"] = receipt
        return TemplateResponse(request, "survey/already_answered.html", context)
    if not page.accepts_responses:
        return TemplateResponse(request, "survey/closed.html", page.get_context(request))
    return None


def survey_step_view(request, page, *, staff: bool):
    refusal = _refusal(request, page, staff=staff)
    if refusal is not None:
        return refusal
    store = SurveySession(request, page, staff=staff)
    steps = active_steps(page, store.answers)
    index = _requested_step(request, steps, store.reached)
    if request.method != "POST":
        channel_form = None
        if staff and index == 1:
            channel_form = StaffChannelForm(initial={"channel": store.channel or Channel.MAIL})
        form = build_step_form(page, steps[index - 1], store.answers)
        return _render_step(
            request,
            page,
            steps=steps,
            index=index,
            form=form,
            staff=staff,
            channel_form=channel_form,
        )
    return _post_step(request, page, store=store, steps=steps, index=index, staff=staff)


def _post_step(request, page, *, store, steps, index: int, staff: bool):
    """Check one step's answers; keep the valid ones, go back, show errors or move on."""
    answers = store.answers
    step = steps[index - 1]
    form = build_step_form(page, step, answers, data=request.POST)
    valid = form.is_valid()
    questions = step_questions(step, page.questions(), answers)
    channel, channel_form = None, None
    if staff and index == 1:
        channel_form = StaffChannelForm(request.POST)
        valid = channel_form.is_valid() and valid
        channel = channel_form.cleaned_data["channel"] if channel_form.is_valid() else None
    if request.POST.get("action", "next") == "back":
        store.store_step(questions, form.answers(), replace=False, channel=channel)
        return HttpResponseRedirect(_step_url(page, staff=staff, number=max(1, index - 1)))
    if not valid:
        return _render_step(
            request,
            page,
            steps=steps,
            index=index,
            form=form,
            staff=staff,
            channel_form=channel_form,
        )
    store.store_step(questions, form.answers(), reached=index + 1, channel=channel)
    answers = store.answers
    steps = active_steps(page, answers)
    if index < len(steps):
        return HttpResponseRedirect(_step_url(page, staff=staff, number=index + 1))
    return _finish(request, page, store=store, answers=answers, staff=staff)


def _finish(request, page, *, store, answers, staff):
    """Last step done: check nothing required is missing (e.g. a session that expired midway),
    apply the rate limit to residents, then store the response once."""
    missing = missing_required(answers, page.questions())
    if missing:
        steps = active_steps(page, answers)
        first = next(
            (
                number
                for number, step in enumerate(steps, start=1)
                if any(q.key == missing[0].key for q in step.questions)
            ),
            1,
        )
        return HttpResponseRedirect(_step_url(page, staff=staff, number=first))
    verdict = None if staff else services.rate_limit_check(request=request)
    if verdict is not None and not verdict.allowed:
        response = TemplateResponse(
            request, "survey/rate_limited.html", page.get_context(request), status=429
        )
        response["Retry-After"] = str(verdict.retry_after)
        return response
    channel = (store.channel or Channel.MAIL) if staff else Channel.WEB
    saved = services.survey_response_submit(
        page=page,
        answers=answers,
        channel=channel,
        entered_by=request.user if staff else None,
    )
    store.clear()
    request.session[f"survey-receipt:{page.translation_key}"] = saved.receipt_code
    target = page.url + "thank-you/" + ("?staff=1" if staff else "")
    redirect = HttpResponseRedirect(target)
    if not staff:
        services.mark_answered(
            request=request, response=redirect, page=page, receipt_code=saved.receipt_code
        )
    return redirect


def survey_thank_you_view(request, page):
    receipt = request.session.get(f"survey-receipt:{page.translation_key}")
    if receipt is None:
        return HttpResponseRedirect(page.url)
    context = page.get_context(request)
    context["receipt_code"] = receipt
    context["staff"] = request.GET.get("staff") == "1" and rules.can_enter_responses(request.user)
    return TemplateResponse(request, page.get_landing_page_template(request), context)


def survey_print_view(request, page):
    """Every question of every step on one page, for printing and answering on paper."""
    from survey.presenters import paper_questions

    context = page.get_context(request)
    context["paper_steps"] = paper_questions(page)
    return TemplateResponse(request, "survey/print.html", context)
