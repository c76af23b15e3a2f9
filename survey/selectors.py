"""Reads: survey results for staff (counts, percentages, cross-tabs, free text) and the free-text
answers the analysis module works on. Answers are stored by stable keys, so every language's
responses are counted together and labelled in the source language."""

from collections import Counter
from dataclasses import dataclass, field

from django.contrib.contenttypes.models import ContentType
from django.utils.translation import gettext_lazy as _

from config.languages import LANGUAGE_TABLE
from participation.channels import Channel
from survey.fields.types import (
    AGREEMENT_SCALE,
    CATEGORICAL_TYPES,
    FREE_TEXT_TYPES,
    OTHER_KEY,
    OTHER_SUFFIX,
    RATING_RANGE,
    FieldType,
)
from survey.models import SurveyPage, SurveyResponse

LANGUAGE_NAMES = {code: english for code, english, _local, _bidi in LANGUAGE_TABLE}


def language_name(code: str) -> str:
    return str(LANGUAGE_NAMES.get(code, code))


@dataclass
class OptionCount:
    key: str
    label: str
    count: int
    percent: float


@dataclass
class QuestionResult:
    key: str
    label: str
    type: str
    answered: int
    total: int
    options: list[OptionCount] = field(default_factory=list)
    rows: list["QuestionResult"] = field(default_factory=list)
    mean: float | None = None
    texts: list[dict] = field(default_factory=list)

    @property
    def max_count(self) -> int:
        return max((option.count for option in self.options), default=0)


@dataclass
class CrossTab:
    question_label: str
    by_label: str
    columns: list[tuple[str, str]]
    rows: list[dict]
    column_totals: list[int]
    total: int


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


def _percent(count: int, base: int) -> float:
    return round(100 * count / base, 1) if base else 0.0


def _categorical(question, data: list[dict], total: int) -> QuestionResult:
    counts: Counter = Counter()
    answered = 0
    for form_data in data:
        values = answer_values(question, form_data.get(question.key))
        if values:
            answered += 1
            counts.update(values)
    result = QuestionResult(question.key, question.label, question.field_type, answered, total)
    result.options = [
        OptionCount(value, label, counts[value], _percent(counts[value], answered))
        for value, label in option_labels(question)
    ]
    if question.field_type in (FieldType.LIKERT, FieldType.RATING) and answered:
        result.mean = round(
            sum(int(value) * count for value, count in counts.items()) / answered, 2
        )
    return result


def _matrix(question, data: list[dict], total: int) -> QuestionResult:
    rows = []
    for key, label in question.statement_pairs():
        counts: Counter = Counter()
        for form_data in data:
            point = (form_data.get(question.key) or {}).get(key)
            if point is not None:
                counts[str(point)] += 1
        answered = sum(counts.values())
        row = QuestionResult(key, label, FieldType.LIKERT, answered, total)
        row.options = [
            OptionCount(
                str(point), str(text), counts[str(point)], _percent(counts[str(point)], answered)
            )
            for point, text in AGREEMENT_SCALE
        ]
        rows.append(row)
    answered = sum(1 for form_data in data if form_data.get(question.key))
    return QuestionResult(
        question.key, question.label, question.field_type, answered, total, rows=rows
    )


def _ranking(question, data: list[dict], total: int) -> QuestionResult:
    """Ranked first counts, and the average rank of each option (lower is more important)."""
    firsts: Counter = Counter()
    rank_sums: Counter = Counter()
    answered = 0
    for form_data in data:
        order = form_data.get(question.key) or []
        if not order:
            continue
        answered += 1
        firsts[order[0]] += 1
        for position, key in enumerate(order, start=1):
            rank_sums[key] += position
    result = QuestionResult(question.key, question.label, question.field_type, answered, total)
    result.options = [
        OptionCount(key, label, firsts[key], _percent(firsts[key], answered))
        for key, label in question.options()
    ]
    result.texts = [
        {"label": label, "average_rank": round(rank_sums[key] / answered, 2) if answered else None}
        for key, label in question.options()
    ]
    return result


def survey_results(*, survey: SurveyPage) -> tuple[int, list[QuestionResult]]:
    """Counts and percentages per question. Percentages are of the respondents who answered
    that question (a multiple-choice question's can add up to more than 100)."""
    responses = list(survey_responses(survey=survey).values_list("form_data", flat=True))
    total = len(responses)
    results = []
    for question in survey.questions():
        if question.field_type in CATEGORICAL_TYPES:
            results.append(_categorical(question, responses, total))
        elif question.field_type == FieldType.MATRIX:
            results.append(_matrix(question, responses, total))
        elif question.field_type == FieldType.RANKING:
            results.append(_ranking(question, responses, total))
        else:
            answered = sum(1 for data in responses if data.get(question.key) not in (None, ""))
            results.append(
                QuestionResult(question.key, question.label, question.field_type, answered, total)
            )
    return total, results


def crosstab_dimensions(survey: SurveyPage) -> list[tuple[str, str]]:
    """What a choice question can be broken down by: language, channel or any choice question."""
    dimensions = [("language", str(_("Language"))), ("channel", str(_("Channel")))]
    dimensions += [
        (q.key, q.label) for q in survey.questions() if q.field_type in CATEGORICAL_TYPES
    ]
    return dimensions


def _dimension(survey, by: str):
    """(column values and labels, function giving a response's values for the column)."""
    if by == "language":
        columns = [(code, str(english)) for code, english, _l, _b in LANGUAGE_TABLE]
        return columns, lambda response: [response.locale.language_code]
    if by == "channel":
        return [(c.value, str(c.label)) for c in Channel], lambda response: [response.channel]
    question = next(q for q in survey.questions() if q.key == by)
    return option_labels(question), lambda response: answer_values(
        question, response.form_data.get(question.key)
    )


def survey_crosstab(*, survey: SurveyPage, question_key: str, by: str) -> CrossTab:
    """Counts of each answer to a choice question, per language, channel or answer to another
    choice question. Respondents who did not answer either question are left out."""
    questions = {q.key: q for q in survey.questions() if q.field_type in CATEGORICAL_TYPES}
    question = questions[question_key]
    if by not in ("language", "channel") and by not in questions:
        raise KeyError(by)
    columns, column_values = _dimension(survey, by)
    counts: Counter = Counter()
    for response in survey_responses(survey=survey):
        row_values = answer_values(question, response.form_data.get(question.key))
        for column in column_values(response):
            for value in row_values:
                counts[(value, column)] += 1
    rows = []
    for value, label in option_labels(question):
        cells = [counts[(value, column)] for column, _label in columns]
        rows.append({"key": value, "label": label, "cells": cells, "total": sum(cells)})
    column_totals = [sum(row["cells"][index] for row in rows) for index in range(len(columns))]
    by_label = dict(crosstab_dimensions(survey)).get(by, by)
    return CrossTab(question.label, by_label, columns, rows, column_totals, sum(column_totals))


def survey_free_text(*, survey: SurveyPage, question_key: str | None = None) -> list[dict]:
    """Written answers (text questions and "Other" explanations) for staff, with language and
    channel; never shown on any public page."""
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
            text = response.form_data.get(key)
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


def survey_free_text_for_analysis(*, consultation) -> list[dict]:
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
