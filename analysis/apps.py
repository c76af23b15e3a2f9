from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class AnalysisConfig(AppConfig):
    name = "analysis"
    verbose_name = _("Analysis")

    def ready(self):
        from wagtail.signals import page_published, page_unpublished

        from analysis import handlers
        from participation.signals import (
            contribution_erased,
            contribution_published,
            contribution_submitted,
            votes_changed,
        )

        page_published.connect(handlers.page_published, dispatch_uid="analysis_outcome_emails")
        page_published.connect(handlers.outcome_links_changed, dispatch_uid="analysis_links_pub")
        page_unpublished.connect(
            handlers.outcome_links_changed, dispatch_uid="analysis_links_unpub"
        )
        contribution_erased.connect(
            handlers.contribution_erased, dispatch_uid="analysis_anonymise_copies"
        )
        contribution_submitted.connect(
            handlers.contribution_stored, dispatch_uid="analysis_vectors_submitted"
        )
        contribution_published.connect(
            handlers.contribution_stored, dispatch_uid="analysis_vectors_published"
        )
        votes_changed.connect(handlers.votes_changed, dispatch_uid="analysis_opinion_groups")
