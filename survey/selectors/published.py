"""What apps above survey may read: the written answers of a consultation's surveys, in every
language, with the facts reports group by. Nothing here identifies a respondent."""

from django.contrib.contenttypes.models import ContentType
from django.utils.translation import get_language

from survey.models.pages import SurveyPage
from survey.models.responses import SurveyResponse
from survey.selectors.responses import survey_free_text, survey_responses


def surveys_of_consultation(consultation) -> list[SurveyPage]:
    """Source-language surveys under a consultation, found through any of its translations."""
    sources = {}
    for parent in consultation.get_translations(inclusive=True):
        for page in SurveyPage.objects.child_of(parent).specific():
            source = page.source_page()
            sources[source.pk] = source
    return sorted(sources.values(), key=lambda page: page.pk)


def _district_key(survey: SurveyPage) -> str | None:
    """The question whose key names the district (the demo's "Which district do you live in?"),
    so analysis can group written answers by district as it does comments."""
    return next(
        (q.key for q in survey.questions() if "district" in q.key and q.is_categorical), None
    )


def district_names(*, consultation) -> dict[str, str]:
    """District option key -> its label in the reader's language, from the consultation's
    surveys, so reports show "District 4" where answers store "district_4"."""
    names: dict[str, str] = {}
    for survey in surveys_of_consultation(consultation):
        local = (
            survey.get_translations(inclusive=True)
            .filter(locale__language_code=get_language())
            .first()
        )
        page = (local or survey).specific
        key = _district_key(page)
        for question in page.questions():
            if question.key == key:
                names.update(dict(question.options()))
    return names


def published_answer_rows(*, consultation) -> list[dict]:
    """Every written answer to the consultation's surveys, in every language, for the analysis
    module: response id, question key and label, text, language, channel, district and time."""
    content_type_id = ContentType.objects.get_for_model(SurveyResponse).pk
    answers = []
    for survey in surveys_of_consultation(consultation):
        district_key = _district_key(survey)
        districts = {}
        if district_key:
            districts = {
                pk: data.get(district_key) or ""
                for pk, data in survey_responses(survey=survey).values_list("pk", "form_data")
            }
        for row in survey_free_text(survey=survey):
            answers.append(
                {
                    "content_type_id": content_type_id,
                    "response_id": row["response_id"],
                    "survey_id": survey.pk,
                    "question_key": row["question_key"],
                    "question_label": row["question_label"],
                    "text": row["text"],
                    "language": row["language"],
                    "channel": row["channel"],
                    "district": districts.get(row["response_id"], ""),
                    "created": row["created"],
                }
            )
    return answers
