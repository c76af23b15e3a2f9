"""Reads of stored survey responses: every response of a survey, a survey's written answers
for staff, and the option labels and language names they are shown with."""

from django.utils.translation import gettext_lazy as _

from config.languages import LANGUAGE_TABLE
from participation.channels import Channel
from survey.fields.types import (
    AGREEMENT_SCALE,
    FREE_TEXT_TYPES,
    OTHER_KEY,
    OTHER_SUFFIX,
    RATING_RANGE,
    FieldType,
)
from survey.logic import written_answer_keys
from survey.models.pages import SurveyPage
from survey.models.responses import SurveyResponse

LANGUAGE_NAMES = {code: english for code, english, _local, _bidi in LANGUAGE_TABLE}


def language_name(code: str) -> str:
    return str(LANGUAGE_NAMES.get(code, code))


def survey_source(page: SurveyPage) -> SurveyPage:
    return page.source_page()


def survey_responses(*, survey: SurveyPage):
    return SurveyResponse.objects.filter(page=survey).select_related("locale").order_by("pk")


def option_labels(question) -> list[tuple[str, str]]:
    """(value, label) for every answer a categorical question can have, in display order."""
    if question.field_type == FieldType.LIKERT:
        return [(str(point), str(label)) for point, label in AGREEMENT_SCALE]
    if question.field_type == FieldType.RATING:
        return [(str(point), str(point)) for point in RATING_RANGE]
    pairs = list(question.options())
    if question.allow_other:
        pairs.append((OTHER_KEY, str(_("Other (please say)"))))
    return pairs


def answer_values(question, answer) -> list[str]:
    if answer is None or answer == "":
        return []
    if isinstance(answer, list):
        return [str(item) for item in answer]
    return [str(answer)]


def survey_free_text(*, survey: SurveyPage, question_key: str | None = None) -> list[dict]:
    """Written answers (text questions and "Other" explanations) for staff, with language and
    channel, personal data hidden as it is from the analysis; never on any public page."""
    questions = [q for q in survey.questions() if q.field_type in FREE_TEXT_TYPES or q.allow_other]
    rows = []
    for response in survey_responses(survey=survey):
        for question in questions:
            if question_key and question.key != question_key:
                continue
            key = (
                question.key
                if question.field_type in FREE_TEXT_TYPES
                else (question.key + OTHER_SUFFIX)
            )
            text = response.public_answer(key)
            if not text:
                continue
            rows.append(
                {
                    "response_id": response.pk,
                    "question_key": key,
                    "question_label": question.label,
                    "text": text,
                    "language": response.locale.language_code,
                    "language_name": language_name(response.locale.language_code),
                    "channel": response.channel,
                    "channel_label": Channel(response.channel).label,
                    "created": response.submit_time,
                }
            )
    return rows


def visible_answers(response) -> dict:
    """A response's answers as staff read and export them: written answers with personal data
    hidden (unless a reviewer undid the hiding)."""
    data = dict(response.form_data)
    for key in response.redacted_answers:
        data[key] = response.public_answer(key)
    return data


def written_answers(response: SurveyResponse) -> list[dict]:
    """A response's written answers as others may read them (personal data hidden): key,
    question label and text, for the translation screens."""
    questions = response.page.specific.questions()
    labels = {}
    for question in questions:
        labels[question.key] = question.label
        labels[question.key + OTHER_SUFFIX] = f"{question.label}: {_('Other (please say)')}"
    rows = []
    for key in written_answer_keys(questions):
        text = response.public_answer(key)
        if isinstance(text, str) and text.strip():
            rows.append({"key": key, "label": labels.get(key, key), "text": text})
    return rows


def responses_to_translate(*, language: str = ""):
    """Responses with something written, newest first, optionally in one language."""
    query = SurveyResponse.objects.select_related("page", "locale").exclude(form_data={})
    if language:
        query = query.filter(locale__language_code=language)
    return query.order_by("-submit_time", "-pk")
