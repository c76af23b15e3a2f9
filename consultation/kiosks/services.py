"""Issuing and revoking kiosks. Both keep the row: a revoked or expired kiosk still names the
comments sent from it."""

from datetime import timedelta

from django.db import transaction
from django.utils import timezone

from consultation.models.kiosks import Kiosk

MAX_DAYS = 31


def kiosk_issue(*, name: str, expires_at, user) -> Kiosk:
    """A kiosk working from now until `expires_at`, capped at MAX_DAYS so a forgotten link
    does not lift the limit for ever."""
    latest = timezone.now() + timedelta(days=MAX_DAYS)
    return Kiosk.objects.create(
        name=" ".join(name.split())[:120], expires_at=min(expires_at, latest), issued_by=user
    )


@transaction.atomic
def kiosk_revoke(*, kiosk: Kiosk, user) -> Kiosk:
    """Stop a kiosk at once; devices holding its cookie are back under the shared limit."""
    kiosk = Kiosk.objects.select_for_update().get(pk=kiosk.pk)
    if kiosk.revoked_at is None:
        kiosk.revoked_at = timezone.now()
        kiosk.revoked_by = user
        kiosk.save(update_fields=["revoked_at", "revoked_by"])
    return kiosk
