"""The four principles of the Customer Bill of Rights; each right belongs to one."""

from django.db import models
from django.utils.translation import gettext_lazy as _


class Principle(models.TextChoices):
    EASY = "easy", _("Easy and understandable")
    RESPONSIVE = "responsive", _("Responsive")
    FAIR = "fair", _("Fair and equitable")
    RESULTS = "results", _("Results-oriented")
