"""Moving through a survey one step at a time. Answers so far live in the session, keyed per
survey (its translation key, so switching language midway keeps them), and a step is only
reachable once the steps before it were completed."""

from survey.fields.types import OTHER_SUFFIX
from survey.forms import SurveyStepForm
from survey.logic import is_visible


class SurveySession:
    def __init__(self, request, page, *, staff: bool):
        self.session = request.session
        prefix = "survey-staff" if staff else "survey"
        self.key = f"{prefix}:{page.translation_key}"

    @property
    def state(self) -> dict:
        return self.session.get(self.key) or {"answers": {}, "reached": 1, "channel": ""}

    def save(self, state: dict) -> None:
        self.session[self.key] = state
        self.session.modified = True

    @property
    def answers(self) -> dict:
        return dict(self.state["answers"])

    @property
    def reached(self) -> int:
        return int(self.state.get("reached", 1))

    @property
    def channel(self) -> str:
        return self.state.get("channel", "")

    def store_step(
        self,
        questions,
        step_answers: dict,
        *,
        reached: int | None = None,
        channel: str | None = None,
        replace: bool = True,
    ) -> None:
        """Replace this step's answers (a cleared answer must not survive from an earlier
        visit); when `replace` is False only the given answers are updated."""
        state = self.state
        answers = dict(state["answers"])
        if replace:
            for question in questions:
                answers.pop(question.key, None)
                answers.pop(question.key + OTHER_SUFFIX, None)
        answers.update(step_answers)
        state["answers"] = answers
        if reached is not None:
            state["reached"] = max(int(state.get("reached", 1)), reached)
        if channel is not None:
            state["channel"] = channel
        self.save(state)

    def clear(self) -> None:
        self.session.pop(self.key, None)


def step_questions(step, all_questions, answers: dict) -> list:
    """The questions shown on a step: those whose condition depends on an earlier step are
    decided now; those depending on this same step are shown (with a note, and the script)."""
    by_key = {question.key: question for question in all_questions}
    on_step = {question.key for question in step.questions}
    shown = []
    for question in step.questions:
        controller = question.condition_field
        if controller and controller not in on_step and not is_visible(question, answers, by_key):
            continue
        shown.append(question)
    return shown


def active_steps(page, answers: dict) -> list:
    """Steps with at least one question that applies; skipped steps leave the numbering."""
    all_questions = page.questions()
    return [step for step in page.steps() if step_questions(step, all_questions, answers)]


def build_step_form(page, step, answers: dict, data=None) -> SurveyStepForm:
    all_questions = page.questions()
    questions = step_questions(step, all_questions, answers)
    form_class = page.form_builder(questions).get_form_class()
    step_keys = {question.key for question in step.questions}
    earlier = {
        key: value for key, value in answers.items() if key.split(OTHER_SUFFIX)[0] not in step_keys
    }
    kwargs = {
        "questions": questions,
        "all_questions": all_questions,
        "earlier_answers": earlier,
        "page": page,
    }
    if data is not None:
        return form_class(data, **kwargs)
    initial = {
        key: value for key, value in answers.items() if key.split(OTHER_SUFFIX)[0] in step_keys
    }
    return form_class(initial=initial, **kwargs)
