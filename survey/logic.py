"""Conditional questions: which questions apply given the answers so far. The server decides with
these functions; the browser script only mirrors them for convenience."""

from survey.fields.types import FREE_TEXT_TYPES, OTHER_KEY, OTHER_SUFFIX, FieldType


def _as_values(answer) -> list[str]:
    if answer is None or answer == "":
        return []
    if isinstance(answer, list | tuple):
        return [str(item) for item in answer]
    return [str(answer)]


def is_visible(field, answers: dict, by_key: dict, _depth: int = 0) -> bool:
    """A question applies when it has no condition, or its controlling question applies and
    was answered with one of the listed answers. Chains are followed (B on A, C on B)."""
    if not field.condition_field:
        return True
    controller = by_key.get(field.condition_field)
    if controller is None or _depth > len(by_key):
        return True
    if not is_visible(controller, answers, by_key, _depth + 1):
        return False
    wanted = set(field.condition_answers())
    return bool(wanted.intersection(_as_values(answers.get(controller.key))))


def is_empty(value) -> bool:
    return value is None or value == "" or value == [] or value == {}


def prune_answers(answers: dict, questions: list) -> dict:
    """Drop every answer to a question that does not apply, and any "other" text whose option
    was not chosen: a forged or stale answer to a hidden question is never stored."""
    by_key = {question.key: question for question in questions}
    kept = {}
    for question in questions:
        key = question.key
        if not is_visible(question, answers, by_key):
            continue
        if key in answers and not is_empty(answers[key]):
            kept[key] = answers[key]
        other = answers.get(key + OTHER_SUFFIX)
        if other and OTHER_KEY in _as_values(answers.get(key)):
            kept[key + OTHER_SUFFIX] = other
    return kept


def missing_required(answers: dict, questions: list) -> list:
    """Required questions that apply but have no answer (e.g. after a session expired)."""
    by_key = {question.key: question for question in questions}
    return [
        question
        for question in questions
        if question.required
        and is_visible(question, answers, by_key)
        and is_empty(answers.get(question.key))
    ]


def written_answer_keys(questions) -> list[str]:
    """Where a respondent writes in their own words: text questions, and the "Other (please
    say)" text of a choice question. These are the answers personal data is looked for in."""
    keys = []
    for question in questions:
        if question.field_type in FREE_TEXT_TYPES:
            keys.append(question.key)
        if question.allow_other:
            keys.append(question.key + OTHER_SUFFIX)
    return keys


def email_answer_keys(questions) -> list[str]:
    return [question.key for question in questions if question.field_type == FieldType.EMAIL]
