"""The names of a consultation's districts and rights for reports and exports, read once per
request from the survey's district question and the drafts (see participation/names.py)."""

from consultation.selectors.drafts import right_titles_of
from survey.selectors.published import district_names


def districts_of(*, consultation) -> dict[str, str]:
    return district_names(consultation=consultation)


def rights_of_consultation(*, consultation) -> dict[str, str]:
    return right_titles_of(consultation)
