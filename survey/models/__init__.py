from survey.models.pages import Step, SurveyField, SurveyPage
from survey.models.responses import Channel, SurveyResponse

__all__ = ["Channel", "Step", "SurveyField", "SurveyPage", "SurveyResponse"]
