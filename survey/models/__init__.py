from survey.models.pages import Step, SurveyField, SurveyPage
from survey.models.responses import SurveyResponse

__all__ = ["Step", "SurveyField", "SurveyPage", "SurveyResponse"]
