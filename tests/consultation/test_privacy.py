"""A resident's personal data can be erased by reference code or email while what they said
stays, anonymised; address hashes expire; nothing stores a raw address."""

from datetime import timedelta

import pytest
from django.core.management import CommandError, call_command
from django.utils import timezone

from consultation.intake.services import import_batch_create
from consultation.models import Comment, ImportBatch
from tests.factories import submit_comment

from .comment_helpers import RIGHT, draft

pytestmark = pytest.mark.django_db


def _comment(demo, text, **extra):
    return submit_comment(draft(demo), right_key=RIGHT, text=text, **extra).comment


def test_erase_by_reference_keeps_anonymised_text(demo, capsys):
    comment = _comment(
        demo,
        "Call me on 206-555-0199 about 1234 Pine Street, the queue is too long.",
        name="Ana Lee",
        email="ana@example.org",
        district="Ballard",
        consent_contact=True,
        consent_show_name=True,
        client_hash="abc123",
    )
    call_command("erase_participant", reference=comment.reference)
    comment.refresh_from_db()
    assert (comment.name, comment.email, comment.district, comment.client_hash) == ("",) * 4
    assert not comment.consent_contact and not comment.consent_show_name
    assert "206-555-0199" not in comment.text and "Pine Street" not in comment.text
    assert "the queue is too long" in comment.text
    assert comment.erased_at is not None
    assert comment.decisions.filter(action="erase").exists()
    assert "Anonymised 1 comment(s) and 0 survey response(s)." in capsys.readouterr().out


def test_erase_by_email_covers_every_comment_and_pending_imports(demo, moderator_user):
    first = _comment(demo, "First", email="Bo@Example.org")
    second = _comment(demo, "Second", email="bo@example.org")
    kept = _comment(demo, "Someone else", email="cy@example.org")
    pending = import_batch_create(
        file_name="p.csv",
        draft=draft(demo),
        user=moderator_user,
        rows=[{"email": "bo@example.org"}],
    )
    call_command("erase_participant", email="bo@example.org")
    assert Comment.objects.filter(pk__in=[first.pk, second.pk], email="").count() == 2
    assert Comment.objects.get(pk=kept.pk).email == "cy@example.org"
    pending.refresh_from_db()
    assert pending.rows == [] and pending.status == "discarded"


def test_dry_run_changes_nothing(demo, capsys):
    comment = _comment(demo, "Dry run", email="dry@example.org")
    call_command("erase_participant", email="dry@example.org", dry_run=True)
    assert Comment.objects.get(pk=comment.pk).email == "dry@example.org"
    assert comment.reference in capsys.readouterr().out


def test_erase_needs_a_match(demo):
    with pytest.raises(CommandError):
        call_command("erase_participant", reference="ZZZZZZZZZZ")
    with pytest.raises(CommandError):
        call_command("erase_participant")


def test_address_hashes_and_stale_imports_expire(demo, moderator_user, settings):
    settings.COMMENT_CLIENT_HASH_RETENTION_DAYS = 30
    old = _comment(demo, "Old", client_hash="old-hash")
    new = _comment(demo, "New", client_hash="new-hash")
    Comment.objects.filter(pk=old.pk).update(created_at=timezone.now() - timedelta(days=31))
    stale = import_batch_create(
        file_name="s.csv", draft=draft(demo), user=moderator_user, rows=[{}]
    )
    ImportBatch.objects.filter(pk=stale.pk).update(created_at=timezone.now() - timedelta(days=8))
    call_command("purge_expired_data")
    assert Comment.objects.get(pk=old.pk).client_hash == ""
    assert Comment.objects.get(pk=new.pk).client_hash == "new-hash"
    assert ImportBatch.objects.get(pk=stale.pk).status == "discarded"
