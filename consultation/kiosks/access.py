"""What makes a device a kiosk: a link signed with the site's key that names the kiosk, and
the signed cookie visiting it sets. Nothing secret is stored: a kiosk is checked against its
row (not revoked, not expired) on every comment, so revoking works at once."""

from django.conf import settings
from django.core import signing
from django.urls import reverse
from django.utils import timezone

from consultation.models.kiosks import Kiosk
from participation import ratelimit

COOKIE = "kiosk"
LINK_SALT = "consultation.kiosk.link"
COOKIE_SALT = "consultation.kiosk.cookie"


def kiosk_link_token(kiosk: Kiosk) -> str:
    return signing.dumps(kiosk.pk, salt=LINK_SALT)


def kiosk_link(kiosk: Kiosk) -> str:
    """The path staff open on the device (with the site's address in front)."""
    path = reverse("consultation:kiosk", args=[kiosk_link_token(kiosk)])
    return settings.WAGTAILADMIN_BASE_URL.rstrip("/") + path


def _active(pk) -> Kiosk | None:
    if not isinstance(pk, int):
        return None
    kiosk = Kiosk.objects.filter(pk=pk).first()
    return kiosk if kiosk is not None and kiosk.is_active() else None


def kiosk_from_token(token: str) -> Kiosk | None:
    """The active kiosk a link names, or None for a forged, revoked or expired link."""
    try:
        return _active(signing.loads(token, salt=LINK_SALT))
    except signing.BadSignature:
        return None


def kiosk_set_cookie(response, kiosk: Kiosk) -> None:
    """Remember the kiosk on this device until it expires (the row still decides)."""
    seconds = max(0, int((kiosk.expires_at - timezone.now()).total_seconds()))
    response.set_signed_cookie(
        COOKIE,
        str(kiosk.pk),
        salt=COOKIE_SALT,
        max_age=seconds,
        httponly=True,
        samesite="Lax",
        secure=settings.SESSION_COOKIE_SECURE,
    )


def active_kiosk(request) -> Kiosk | None:
    """The kiosk this device was set up as, if it still works."""
    value = request.get_signed_cookie(COOKIE, default=None, salt=COOKIE_SALT)
    if not value or not value.isdigit():
        return None
    return _active(int(value))


def comment_verdict(request, *, address: str) -> tuple[ratelimit.Verdict, Kiosk | None]:
    """Count one comment: on a working kiosk against the kiosk's own limit ("kiosk-comment"),
    elsewhere against the per-address one ("comment")."""
    kiosk = active_kiosk(request)
    if kiosk is not None:
        return ratelimit.check(request, "kiosk-comment", ident=f"kiosk-{kiosk.pk}"), kiosk
    return ratelimit.check(request, "comment", ident=address), None
