"""Resident pages of a meeting that are not the Wagtail page itself: the sign-up form, its
confirmation and the calendar file. No account; the form is rate limited like comments."""

from django.http import Http404, HttpResponse
from django.shortcuts import redirect
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils.translation import get_language, gettext, ngettext
from django.views.decorators.http import require_GET, require_http_methods

from consultation import rules
from consultation.meetings import services
from consultation.meetings.forms import SignupForm
from consultation.meetings.ics import meeting_calendar
from consultation.selectors import meetings as selectors
from consultation.views.public import rate_limited
from participation import ratelimit
from participation.references import normalise_reference
from participation.values import Origin

FORM = "consultation/meetings/signup.html"


def _meeting(page_id: int):
    meeting = selectors.live_meeting(page_id)
    if meeting is None:
        raise Http404("No such meeting")
    return meeting


def _in_language(meeting, route: str, *args):
    """The same meeting in the language of the URL, when the switcher landed on another."""
    language = get_language()
    if meeting.locale.language_code == language:
        return None
    other = selectors.meeting_in_language(meeting_key=meeting.translation_key, language=language)
    if other is None:
        return None
    return redirect(reverse(f"consultation:{route}", args=[other.pk, *args]))


def _render(request, meeting, form, status=200, **extra):
    context = {"meeting": meeting, "consultation": meeting.consultation, "form": form, **extra}
    context["places_left"] = meeting.places_left()
    context["open"] = rules.can_sign_up(request.user, meeting)
    return TemplateResponse(request, FORM, context, status=status)


@require_http_methods(["GET", "POST"])
def signup(request, page_id: int):
    meeting = _meeting(page_id)
    if request.method == "GET":
        moved = _in_language(meeting, "meeting_signup")
        return moved or _render(request, meeting, SignupForm())
    if not rules.can_sign_up(request.user, meeting):
        return _render(request, meeting, SignupForm(), status=403)
    address = ratelimit.client_pseudonym(request)
    verdict = ratelimit.check(request, "meeting-signup", ident=address)
    if not verdict.allowed:
        return rate_limited(request, verdict)
    form = SignupForm(request.POST)
    if form.honeypot_filled:
        form.is_valid()
        form.add_error(None, gettext("Please clear the field labelled “Leave this field empty”."))
        return _render(request, meeting, form, status=400)
    if not form.is_valid():
        return _render(request, meeting, form, status=400)
    try:
        result = services.meeting_signup(
            meeting=meeting,
            details=form.details(language=get_language()),
            contact=form.contact(),
            origin=Origin(submission_token=form.token, client_hash=address),
        )
    except services.MeetingFull as full:
        form.add_error("places", _full_message(full.left))
        return _render(request, meeting, form, status=409)
    except services.SignupClosed:
        return _render(request, meeting, SignupForm(), status=403)
    args = [meeting.pk, result.signup.reference]
    return redirect(reverse("consultation:meeting_signed_up", args=args))


def _full_message(left: int) -> str:
    if left == 0:
        return gettext("Sorry, the meeting is full. You can still come to listen if there is room.")
    return ngettext(
        "Only %(count)d place is left. Choose fewer places.",
        "Only %(count)d places are left. Choose fewer places.",
        left,
    ) % {"count": left}


@require_GET
def signed_up(request, page_id: int, reference: str):
    """The confirmation, in the language of the page: the code, the places and the calendar
    file. It shows nothing the resident typed, so the address is safe to bookmark."""
    meeting = _meeting(page_id)
    code = normalise_reference(reference)
    moved = _in_language(meeting, "meeting_signed_up", code)
    if moved is not None:
        return moved
    found = selectors.signup_by_reference(meeting_key=meeting.translation_key, reference=code)
    if found is None:
        raise Http404("No such sign-up")
    context = {"meeting": meeting, "consultation": meeting.consultation, "signup": found}
    return TemplateResponse(request, "consultation/meetings/signed_up.html", context)


@require_GET
def calendar(request, page_id: int):
    """The meeting as an iCalendar file, in the language of the page asked for."""
    meeting = _meeting(page_id)
    moved = _in_language(meeting, "meeting_calendar")
    if moved is not None:
        return moved
    body = meeting_calendar(meeting, url=request.build_absolute_uri(meeting.url))
    response = HttpResponse(body, content_type="text/calendar; charset=utf-8")
    name = f"meeting-{meeting.slug}-{meeting.locale.language_code}.ics"
    response["Content-Disposition"] = f'attachment; filename="{name}"'
    return response
