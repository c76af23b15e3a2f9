"""How something a resident said reached the city: one list for comments and survey answers,
so reports count "mail" once whichever form it came on."""

from django.db import models
from django.utils.translation import gettext_lazy as _


class Channel(models.TextChoices):
    WEB = "web", _("Website")
    PHONE = "phone", _("Phone")
    IN_PERSON = "in_person", _("In person")
    MEETING = "meeting", _("Public meeting")
    MAIL = "mail", _("Mail (paper form or letter)")
    EMAIL = "email", _("Email")


# What staff record on residents' behalf (everything but the website itself).
STAFF_CHANNELS = tuple(channel for channel in Channel if channel != Channel.WEB)
