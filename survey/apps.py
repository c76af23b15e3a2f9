from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class SurveyConfig(AppConfig):
    name = "survey"
    verbose_name = _("Surveys")

    def ready(self):
        from django.db.models.signals import pre_delete

        from survey import handlers
        from survey.models.responses import SurveyResponse

        pre_delete.connect(
            handlers.response_deleting, sender=SurveyResponse, dispatch_uid="survey_audit_delete"
        )
