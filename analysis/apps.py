from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class AnalysisConfig(AppConfig):
    name = "analysis"
    verbose_name = _("Analysis")

    def ready(self):
        from wagtail.signals import page_published

        from analysis import handlers

        page_published.connect(handlers.page_published, dispatch_uid="analysis_outcome_emails")
        from consultation.selectors import STATUS_CONTEXT_PROVIDERS
        from consultation.services import PARTICIPANT_ERASE_HOOKS

        if handlers.comment_erased not in PARTICIPANT_ERASE_HOOKS:
            PARTICIPANT_ERASE_HOOKS.append(handlers.comment_erased)
        if handlers.status_context not in STATUS_CONTEXT_PROVIDERS:
            STATUS_CONTEXT_PROVIDERS.append(handlers.status_context)
