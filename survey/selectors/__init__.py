"""Read-only queries of the survey app: stored responses and written answers, results for
staff, and what apps above may read (published). Selectors never write."""

from survey.selectors.responses import (
    answer_values,
    language_name,
    option_labels,
    survey_free_text,
    survey_responses,
)
from survey.selectors.results import (
    CrossTab,
    OptionCount,
    QuestionResult,
    crosstab_dimensions,
    survey_crosstab,
    survey_results,
)

__all__ = [
    "CrossTab",
    "OptionCount",
    "QuestionResult",
    "answer_values",
    "crosstab_dimensions",
    "language_name",
    "option_labels",
    "survey_crosstab",
    "survey_free_text",
    "survey_responses",
    "survey_results",
]
