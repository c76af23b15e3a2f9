"""Every role against every admin screen that can reach residents' data, Wagtail's own built-in
screens included (form submissions, snippets, bulk actions, model viewsets), not only the
project's: each request is either allowed or refused exactly as the apps' rules.py say, and a
refused request changes nothing."""

from datetime import timedelta

import pytest
from django.test import Client
from django.utils import timezone

from analysis.models import AnalysisRun, CodebookEntry
from consultation.kiosks.services import kiosk_issue
from consultation.models import Comment, Kiosk
from survey.models import SurveyResponse
from tests.consultation.comment_helpers import draft
from tests.factories import (
    AnalysisRunFactory,
    SurveyResponseFactory,
    submit_comment,
    user_in_role,
)
from tests.survey.conftest import build_survey

pytestmark = pytest.mark.django_db
ROLES = ["anonymous", "admin", "editor", "moderator", "analyst"]
EVERYONE_STAFF = {"admin", "editor", "moderator", "analyst"}
KIOSK_STAFF = {"admin", "editor", "moderator"}


@pytest.fixture
def world(demo):
    survey = build_survey(demo["consultation"])
    return {
        "survey": survey,
        "response": SurveyResponseFactory(page=survey, form_data={"comments": "Keep"}),
        "comment": submit_comment(draft(demo), text="Matrix comment").comment,
        "run": AnalysisRunFactory(consultation=demo["consultation"]),
        "entry": CodebookEntry.objects.create(key="matrix", name="Matrix theme"),
        "kiosk": kiosk_issue(
            name="Matrix kiosk", expires_at=timezone.now() + timedelta(hours=2), user=None
        ),
    }


def _until() -> str:
    return (timezone.localtime() + timedelta(hours=3)).strftime("%Y-%m-%d %H:%M")


def client_for(role: str) -> Client:
    client = Client()
    if role != "anonymous":
        client.force_login(user_in_role(role, username=f"m-{role}"))
    return client


def reads(world) -> dict[str, set[str]]:
    """GET url -> roles that may open it."""
    survey, response, comment = world["survey"], world["response"], world["comment"]
    run, entry = world["run"], world["entry"]
    return {
        "/admin/forms/": {"admin", "editor", "moderator"},
        f"/admin/forms/submissions/{survey.pk}/": EVERYONE_STAFF,
        f"/admin/forms/submissions/{survey.pk}/delete/?selected-submissions={response.pk}": {
            "admin"
        },
        "/admin/snippets/": {"admin", "moderator", "analyst"},
        "/admin/comments/": {"admin", "moderator"},
        f"/admin/comments/{comment.pk}/": {"admin", "moderator"},
        # Wagtail's generic history needs an edit right nobody has: a comment's history of
        # decisions is on its moderation screen.
        f"/admin/comments/history/{comment.pk}/": set(),
        "/admin/surveys/responses/": EVERYONE_STAFF,
        "/admin/surveys/responses/?export=xlsx": EVERYONE_STAFF,
        f"/admin/surveys/responses/inspect/{response.pk}/": EVERYONE_STAFF,
        f"/admin/surveys/responses/delete/{response.pk}/": {"admin"},
        "/admin/analysis/runs/": {"admin", "analyst"},
        "/admin/analysis/runs/new/": {"admin", "analyst"},
        f"/admin/analysis/runs/{run.pk}/": {"admin", "analyst"},
        "/admin/snippets/analysis/codebookentry/": {"admin", "analyst"},
        f"/admin/snippets/analysis/codebookentry/edit/{entry.pk}/": {"admin", "analyst"},
        "/admin/kiosks/": KIOSK_STAFF,
        "/admin/kiosks/new/": KIOSK_STAFF,
        f"/admin/kiosks/revoke/{world['kiosk'].pk}/": KIOSK_STAFF,
        f"/admin/kiosks/edit/{world['kiosk'].pk}/": set(),
        f"/admin/kiosks/delete/{world['kiosk'].pk}/": set(),
    }


def allowed(response) -> bool:
    if response.status_code == 200:
        return True
    location = response.headers.get("Location", "")
    return response.status_code == 302 and "/login/" not in location and location != "/admin/"


@pytest.mark.parametrize("role", ROLES)
def test_every_role_opens_exactly_the_screens_its_rules_allow(world, role):
    client = client_for(role)
    wrong = []
    for url, roles in reads(world).items():
        response = client.get(url)
        assert response.status_code < 500, url
        if allowed(response) != (role in roles):
            wrong.append((url, response.status_code, response.headers.get("Location")))
    assert wrong == []


def writes(world) -> list[tuple[str, dict, set[str]]]:
    """POST url, data, roles that may do it."""
    survey, response, comment, run = (
        world["survey"],
        world["response"],
        world["comment"],
        world["run"],
    )
    bulk = "/admin/bulk/consultation/comment/{}/?next=/admin/comments/&id=" + str(comment.pk)
    kiosk = world["kiosk"].pk
    return [
        ("/admin/kiosks/new/", {"name": "New kiosk", "expires_at": _until()}, KIOSK_STAFF),
        (f"/admin/kiosks/revoke/{kiosk}/", {}, KIOSK_STAFF),
        (f"/admin/kiosks/edit/{kiosk}/", {"name": "Renamed", "expires_at": _until()}, set()),
        (f"/admin/kiosks/delete/{kiosk}/", {}, set()),
        (f"/admin/comments/edit/{comment.pk}/", {"text": "Rewritten"}, set()),
        (f"/admin/comments/delete/{comment.pk}/", {}, set()),
        (bulk.format("delete"), {}, set()),
        ("/admin/comments/add/", {"text": "Forged"}, set()),
        (f"/admin/surveys/responses/edit/{response.pk}/", {"channel": "phone"}, set()),
        (f"/admin/analysis/runs/edit/{run.pk}/", {"consultation": run.consultation_id}, set()),
        (f"/admin/analysis/runs/delete/{run.pk}/", {}, set()),
        (
            f"/admin/forms/submissions/{survey.pk}/delete/?selected-submissions={response.pk}",
            {},
            {"admin"},
        ),
    ]


def state(world) -> tuple:
    comment = Comment.objects.filter(pk=world["comment"].pk).values_list("text", flat=True)
    return (
        list(comment),
        Comment.objects.count(),
        list(SurveyResponse.objects.values_list("pk", "channel")),
        list(AnalysisRun.objects.values_list("pk", "consultation_id")),
        list(Kiosk.objects.order_by("pk").values_list("pk", "name", "revoked_at")),
    )


@pytest.mark.parametrize("role", ROLES)
def test_refused_writes_change_nothing_and_nobody_rewrites_or_deletes_a_comment(world, role):
    client = client_for(role)
    for url, data, roles in writes(world):
        before = state(world)
        response = client.post(url, data)
        assert response.status_code < 500, url
        if role in roles:
            assert state(world) != before, url
        else:
            assert state(world) == before, (url, role)
