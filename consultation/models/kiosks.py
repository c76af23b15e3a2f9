"""A kiosk: a library PC or a meeting tablet that staff let many residents comment from.

Staff issue it for a set time; visiting its link on the device sets a signed cookie, and
while the kiosk is neither expired nor revoked, comments sent from that device count against
the kiosk's own limit instead of the shared per-address one, and name the kiosk they came
from. Revoking keeps the row, so the comments keep their provenance."""

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _


class Kiosk(models.Model):
    name = models.CharField(
        _("name"),
        max_length=120,
        help_text=_("Where the device is, for example “Central Library, PC 3”."),
    )
    expires_at = models.DateTimeField(_("works until"))
    issued_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        editable=False,
    )
    issued_at = models.DateTimeField(_("issued"), auto_now_add=True)
    revoked_at = models.DateTimeField(_("revoked"), null=True, blank=True, editable=False)
    revoked_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        editable=False,
    )

    class Meta:
        verbose_name = _("kiosk")
        verbose_name_plural = _("kiosks")
        ordering = ["-issued_at", "-pk"]
        permissions = [("revoke_kiosk", _("Can revoke kiosks"))]

    def __str__(self):
        return self.name

    def is_active(self, now=None) -> bool:
        now = now or timezone.now()
        return self.revoked_at is None and self.expires_at > now
