"""Residents see what their comment fed and what it changed: on the status page, on the
version comparison, on the public pages, and by email when they agreed to be contacted."""

import pytest
from django.core import mail
from django.utils import translation

from analysis.models import OutcomeEmail
from analysis.selectors.outcomes import comment_outcome
from analysis.selectors.themes import codebook_names
from analysis.services.outcomes import outcome_emails_send
from consultation.demo import right_block_id
from tests.analysis.outcome_fixtures import analyse_and_publish, make_comments

pytestmark = pytest.mark.django_db


@pytest.fixture
def sources(monkeypatch):
    monkeypatch.setattr(
        "analysis.inputs.SOURCES", ("tests.analysis.outcome_fixtures.published_comment_items",)
    )


def test_status_chain_in_the_residents_language(client, demo, sources):
    comments = make_comments(demo)
    run, _pages, keys = analyse_and_publish(demo, comments)
    assert keys, "the machine gave the Korean comment at least one theme"
    korean = comments[0]
    names = codebook_names(consultation=demo["consultation"])
    with translation.override("ko"):
        outcome = comment_outcome(korean)
    labels = {t["label"] for t in outcome["themes"]}
    assert any(names.get(k, {}).get("ko") in labels for k in keys)
    changed = [t for t in outcome["themes"] if t["changes"]]
    assert changed and changed[0]["changes"][0]["draft"].locale.language_code == "ko"
    html = client.get(f"/ko/status/?code={korean.reference}").content.decode()
    assert names[keys[0]]["ko"] in html or any(label in html for label in labels)
    assert f"compare/#change-{right_block_id('timely-reply')}" in html
    assert "/ko/customer-bill-of-rights/draft-2/" in html


def test_comparison_page_shows_the_themes_behind_a_change(client, demo, sources):
    comments = make_comments(demo)
    analyse_and_publish(demo, comments)
    html = client.get("/en/customer-bill-of-rights/draft-2/compare/").content.decode()
    assert "Why this changed: what residents said" in html
    assert "We set clear time limits for replies." in html


def test_comparison_page_works_without_analysis(client, demo):
    response = client.get("/en/customer-bill-of-rights/draft-2/compare/")
    assert response.status_code == 200
    assert "Why this changed" not in response.content.decode()


def test_consenting_residents_are_emailed_once_in_their_language(
    demo, sources, django_capture_on_commit_callbacks
):
    comments = make_comments(demo)
    mail.outbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        _run, _pages, keys = analyse_and_publish(demo, comments)
    names = codebook_names(consultation=demo["consultation"])
    to_korean = [m for m in mail.outbox if m.to == [comments[0].email]]
    assert len(to_korean) == 1
    assert comments[0].reference in to_korean[0].subject
    assert names[keys[0]]["ko"] in to_korean[0].body
    assert "/ko/status/?code=" in to_korean[0].body
    assert not [m for m in mail.outbox if m.to == [comments[2].email]], "no consent, no email"
    sent = len(mail.outbox)
    assert outcome_emails_send(draft_key=demo["drafts"][1].translation_key) == 0
    assert len(mail.outbox) == sent
    assert OutcomeEmail.objects.filter(comment=comments[0]).count() == 1
