"""Statements residents vote on, one at a time, without an account and without JavaScript:
a browser is one participant through a random token in a cookie (only its hash is stored),
holding one vote per statement that it may change. Residents may also propose a statement,
which is moderated as a comment before anyone votes on it."""

import secrets

from django.conf import settings
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils.translation import get_language, gettext
from django.views.decorators.http import require_http_methods

from consultation import panels, rules
from consultation.forms import ProposalForm, VoteForm
from consultation.models import ConsultationPage, VoteValue
from consultation.selectors.statements import (
    statement_for_vote,
    statements_to_vote_on,
    votes_of_participant,
)
from consultation.services.voting import VoteRefused, statement_propose, vote_cast
from consultation.views.public import rate_limited
from participation import ratelimit
from participation.values import Origin

PARTICIPANT_COOKIE = "consult_participant"
TOKEN_BYTES = 24
COOKIE_MAX_AGE = 365 * 24 * 3600


def _consultation(page_id: int) -> ConsultationPage:
    return get_object_or_404(ConsultationPage.objects.live(), pk=page_id)


def _in_language(consultation, name: str):
    """The same consultation in the language of the URL, when the switcher landed elsewhere."""
    language = get_language()
    if consultation.locale.language_code == language:
        return None
    other = (
        ConsultationPage.objects.live()
        .filter(translation_key=consultation.translation_key, locale__language_code=language)
        .first()
    )
    return redirect(reverse(name, args=[other.pk])) if other is not None else None


def _token(request) -> str | None:
    token = request.COOKIES.get(PARTICIPANT_COOKIE, "")
    return token if 20 <= len(token) <= 64 and token.isascii() else None


def _context(request, consultation) -> dict:
    statements = statements_to_vote_on(consultation=consultation, language=get_language())
    votes = votes_of_participant(
        token=_token(request), consultation_key=consultation.translation_key
    )
    labels = dict(VoteValue.choices)
    found = panels.statement_panels(consultation=consultation, request=request)
    return {
        "consultation": consultation,
        "statements": statements,
        "votes": votes,
        "my_votes": [(s, labels[votes[s.key]]) for s in statements if s.key in votes],
        "voted_count": sum(1 for s in statements if s.key in votes),
        "can_vote": rules.can_comment(request.user, consultation),
        "statement_panels": found,
        "panel_stylesheets": panels.stylesheets(found),
    }


def _shown(context, request):
    """The statement to show: the one asked for (to change a vote), else the first not voted."""
    statements, votes = context["statements"], context["votes"]
    asked = request.GET.get("statement", "")
    for statement in statements:
        if statement.key == asked:
            return statement
    return next((s for s in statements if s.key not in votes), None)


@require_http_methods(["GET", "POST"])
def statements_vote(request, page_id: int):
    consultation = _consultation(page_id)
    if request.method == "POST":
        return _vote(request, consultation)
    moved = _in_language(consultation, "consultation:statements")
    if moved is not None:
        return moved
    context = _context(request, consultation)
    statement = _shown(context, request)
    voted = request.GET.get("voted", "")
    context.update(
        statement=statement,
        current=context["votes"].get(statement.key) if statement else None,
        form=VoteForm(),
        just_voted=any(s.key == voted for s in context["statements"]),
    )
    return TemplateResponse(request, "consultation/statements/vote.html", context)


def _refused(request, consultation, *, status: int):
    """The page again, with why the vote was not stored (the statements are read only here:
    a stored vote costs no more than what it writes)."""
    context = _context(request, consultation)
    context.update(statement=None, refused=status == 400)
    return TemplateResponse(request, "consultation/statements/vote.html", context, status=status)


def _vote(request, consultation):
    if not rules.can_comment(request.user, consultation):
        return _refused(request, consultation, status=403)
    address = ratelimit.client_pseudonym(request)
    verdict = ratelimit.check(request, "vote", ident=address)
    if not verdict.allowed:
        return rate_limited(request, verdict)
    form = VoteForm(request.POST)
    statement = None
    if form.is_valid():
        statement = statement_for_vote(
            consultation=consultation, key=form.cleaned_data["statement"]
        )
    if statement is None:
        return _refused(request, consultation, status=400)
    token = _token(request) or secrets.token_urlsafe(TOKEN_BYTES)
    try:
        vote_cast(
            statement=statement,
            value=form.cleaned_data["value"],
            token=token,
            language=get_language(),
            client_hash=address,
        )
    except VoteRefused:
        return _refused(request, consultation, status=400)
    url = reverse("consultation:statements", args=[consultation.pk])
    response = redirect(f"{url}?voted={statement.translation_key}")
    if token != request.COOKIES.get(PARTICIPANT_COOKIE):
        response.set_cookie(
            PARTICIPANT_COOKIE,
            token,
            max_age=COOKIE_MAX_AGE,
            secure=settings.SESSION_COOKIE_SECURE,
            httponly=True,
            samesite="Lax",
        )
    return response


@require_http_methods(["GET", "POST"])
def statement_propose_view(request, page_id: int):
    """A resident proposes a statement; it gets a reference code like a comment."""
    consultation = _consultation(page_id)
    if request.method == "GET":
        moved = _in_language(consultation, "consultation:statement_propose")
        if moved is not None:
            return moved
    context = {"consultation": consultation}
    if not rules.can_comment(request.user, consultation):
        context["closed"] = True
        status = 403 if request.method == "POST" else 200
        return TemplateResponse(
            request, "consultation/statements/propose.html", context, status=status
        )
    if request.method == "GET":
        context["form"] = ProposalForm(initial={"language": get_language()})
        return TemplateResponse(request, "consultation/statements/propose.html", context)
    address = ratelimit.client_pseudonym(request)
    verdict = ratelimit.check(request, "comment", ident=address)
    if not verdict.allowed:
        return rate_limited(request, verdict)
    form = ProposalForm(request.POST)
    context["form"] = form
    if form.honeypot_filled:
        form.is_valid()
        form.add_error(None, gettext("Please clear the field labelled “Leave this field empty”."))
    if form.errors or not form.is_valid():
        return TemplateResponse(
            request, "consultation/statements/propose.html", context, status=400
        )
    try:
        submission = statement_propose(
            consultation=consultation,
            text=form.cleaned_data["text"],
            language=form.cleaned_data["language"],
            origin=Origin(submission_token=form.token, client_hash=address),
        )
    except VoteRefused as error:
        raise Http404("No draft") from error
    url = reverse("consultation:status") + f"?code={submission.comment.reference}&sent=1"
    return redirect(url, permanent=False)
