"""Survey results for staff: counts and percentages per question and cross-tabulations, with
every language's responses counted together under stable answer keys."""

from collections import Counter
from dataclasses import dataclass, field

from django.utils.translation import gettext_lazy as _

from config.languages import LANGUAGE_TABLE
from participation.channels import Channel
from survey.fields.types import AGREEMENT_SCALE, CATEGORICAL_TYPES, FieldType
from survey.models.pages import SurveyPage
from survey.selectors.responses import answer_values, option_labels, survey_responses


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
