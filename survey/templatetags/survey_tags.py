"""Template helpers for pages outside the survey app (the consultation page's survey link)."""

from django import template

register = template.Library()


@register.simple_tag
def consultation_surveys(consultation):
    """Live surveys under a consultation, in the consultation's language."""
    from survey.models import SurveyPage

    return list(SurveyPage.objects.child_of(consultation).live().order_by("path"))
