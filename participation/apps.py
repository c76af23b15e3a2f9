from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ParticipationConfig(AppConfig):
    name = "participation"
    verbose_name = _("Participation")

    def ready(self):
        from participation import rules  # noqa: F401 - registers the translation rules
        from participation.signals import (
            contribution_erased,
            contribution_published,
            contribution_submitted,
        )
        from participation.translations import tasks

        contribution_published.connect(
            tasks.contribution_published, dispatch_uid="participation_machine_translations"
        )
        contribution_submitted.connect(
            tasks.contribution_submitted, dispatch_uid="participation_machine_translations_now"
        )
        contribution_erased.connect(
            tasks.contribution_erased, dispatch_uid="participation_erase_translations"
        )
