"""Turns a step form into plain data for the templates, so every question type is rendered by
hand-written, accessible HTML (fieldsets and legends, errors tied to inputs) rather than Django's
default widgets."""

from dataclasses import dataclass, field

from django.utils.translation import gettext as _

from survey.fields.types import AGREEMENT_SCALE, OTHER_KEY, OTHER_SUFFIX, FieldType

FIELDSET_TYPES = {
    FieldType.SINGLE_CHOICE,
    FieldType.MULTIPLE_CHOICE,
    FieldType.LIKERT,
    FieldType.RATING,
    FieldType.RANKING,
    FieldType.MATRIX,
}


@dataclass
class Option:
    value: str
    label: str
    id: str
    checked: bool = False


@dataclass
class Row:
    """A matrix statement or a ranked option: its own input(s) inside the question."""

    key: str
    label: str
    id: str
    name: str
    value: str = ""
    options: list[Option] = field(default_factory=list)


@dataclass
class QuestionView:
    key: str
    type: str
    id: str
    label: str
    help_text: str
    required: bool
    errors: list[str]
    value: str = ""
    options: list[Option] = field(default_factory=list)
    rows: list[Row] = field(default_factory=list)
    rank_choices: list[int] = field(default_factory=list)
    other: "QuestionView | None" = None
    condition_field: str = ""
    condition_values: list[str] = field(default_factory=list)
    condition_note: str = ""
    text_limit: int | None = None

    @property
    def uses_fieldset(self) -> bool:
        return self.type in FIELDSET_TYPES

    @property
    def help_id(self) -> str:
        return f"{self.id}-help"

    @property
    def error_id(self) -> str:
        return f"{self.id}-error"

    @property
    def note_id(self) -> str:
        return f"{self.id}-note"

    @property
    def how_id(self) -> str:
        return f"{self.id}-how"

    @property
    def instructions(self) -> str:
        """How to answer the types that need explaining; read out with the question."""
        if self.type == FieldType.RANKING:
            return _("Give 1 to the option that matters most to you, %(count)s to the least.") % {
                "count": len(self.rows)
            }
        if self.type == FieldType.RATING:
            return _("0 is the lowest, 10 the highest.")
        if self.type == FieldType.MULTIPLE_CHOICE:
            return _("Choose all that apply.")
        return ""

    @property
    def describedby(self) -> str:
        ids = []
        if self.condition_note:
            ids.append(self.note_id)
        if self.help_text:
            ids.append(self.help_id)
        if self.instructions:
            ids.append(self.how_id)
        if self.errors:
            ids.append(self.error_id)
        return " ".join(ids)

    @property
    def first_input_id(self) -> str:
        if self.options:
            return self.options[0].id
        if self.rows:
            return self.rows[0].options[0].id if self.rows[0].options else self.rows[0].id
        return self.id


def _values(bound) -> list[str]:
    value = bound.value()
    if value is None:
        return []
    if isinstance(value, list | tuple):
        return [str(item) for item in value]
    return [str(value)]


def _condition_note(question, by_key) -> str:
    controller = by_key.get(question.condition_field)
    if controller is None:
        return ""
    labels = dict(controller.options())
    labels.update(
        {str(point): str(label) for point, label in AGREEMENT_SCALE}
        if controller.field_type == FieldType.LIKERT
        else {}
    )
    labels[OTHER_KEY] = _("Other (please say)")
    answers = " / ".join(f"“{labels.get(value, value)}”" for value in question.condition_answers())
    return _("Answer only if your answer to “%(question)s” was %(answers)s.") % {
        "question": controller.label,
        "answers": answers,
    }


def _ranking_rows(question, base_id: str, current: dict) -> list[Row]:
    return [
        Row(
            key,
            label,
            f"{base_id}-{key}",
            f"{question.key}__{key}",
            value=str(current.get(key, "")),
        )
        for key, label in question.options()
    ]


def _matrix_rows(question, base_id: str, current: dict) -> list[Row]:
    return [
        Row(
            key,
            label,
            f"{base_id}-{key}",
            f"{question.key}__{key}",
            value=str(current.get(key, "")),
            options=[
                Option(
                    str(point),
                    str(text),
                    f"{base_id}-{key}-{point}",
                    str(current.get(key, "")) == str(point),
                )
                for point, text in AGREEMENT_SCALE
            ],
        )
        for key, label in question.statement_pairs()
    ]


def _other_view(form, question, base_id: str) -> QuestionView | None:
    other_key = question.key + OTHER_SUFFIX
    if other_key not in form.fields:
        return None
    other = form[other_key]
    value = other.value()
    return QuestionView(
        key=other_key,
        type=FieldType.SHORT_TEXT,
        id=f"{base_id}-other-text",
        label=_("Please say what “Other” means"),
        help_text="",
        required=False,
        errors=list(other.errors),
        value="" if value is None else str(value),
        text_limit=other.field.max_length,
    )


def _fill_answer(view: QuestionView, bound, base_id: str) -> None:
    """Options with the chosen ones ticked, or the typed value and its length limit."""
    choices = getattr(bound.field, "choices", None)
    if choices is not None:
        selected = set(_values(bound))
        view.options = [
            Option(str(value), str(label), f"{base_id}-{index}", str(value) in selected)
            for index, (value, label) in enumerate(choices)
            if value != ""
        ]
    else:
        value = bound.value()
        view.value = "" if value is None else str(value)
        view.text_limit = getattr(bound.field, "max_length", None)


def question_view(form, question, *, same_step: bool, by_key: dict) -> QuestionView:
    bound = form[question.key]
    base_id = f"q-{question.key}"
    view = QuestionView(
        key=question.key,
        type=question.field_type,
        id=base_id,
        label=question.label,
        help_text=question.help_text,
        required=question.required,
        errors=list(bound.errors),
    )
    if same_step and question.condition_field:
        view.condition_field = question.condition_field
        view.condition_values = question.condition_answers()
        view.condition_note = _condition_note(question, by_key)
    if question.field_type == FieldType.RANKING:
        view.rank_choices = list(range(1, len(question.options()) + 1))
        view.rows = _ranking_rows(question, base_id, bound.value() or {})
        return view
    if question.field_type == FieldType.MATRIX:
        view.rows = _matrix_rows(question, base_id, bound.value() or {})
        return view
    _fill_answer(view, bound, base_id)
    view.other = _other_view(form, question, base_id)
    return view


def step_views(form) -> list[QuestionView]:
    by_key = {question.key: question for question in form.all_questions}
    return [
        question_view(
            form,
            question,
            same_step=question.key in form.same_step_conditional,
            by_key=by_key,
        )
        for question in form.questions
    ]


def error_summary(views: list[QuestionView]) -> list[dict]:
    """Links from the summary at the top to each question with a problem."""
    items = []
    for view in views:
        for message in view.errors:
            items.append(
                {"href": f"#{view.first_input_id}", "label": view.label, "message": message}
            )
        if view.other and view.other.errors:
            for message in view.other.errors:
                items.append(
                    {"href": f"#{view.other.id}", "label": view.other.label, "message": message}
                )
    return items


@dataclass
class PaperStep:
    title: str
    intro: str
    questions: list[dict]


def paper_questions(page) -> list[PaperStep]:
    """The whole survey for the printable version: every question, with every condition written
    out as a note, since paper cannot hide anything."""
    all_questions = page.questions()
    by_key = {question.key: question for question in all_questions}
    scale = [str(label) for _point, label in AGREEMENT_SCALE]
    steps = []
    for step in page.steps():
        items = []
        for question in step.questions:
            options = [label for _key, label in question.options()]
            if question.allow_other and question.field_type in (
                FieldType.SINGLE_CHOICE,
                FieldType.MULTIPLE_CHOICE,
                FieldType.DROPDOWN,
            ):
                options.append(_("Other (please say)"))
            items.append(
                {
                    "key": question.key,
                    "type": question.field_type,
                    "label": question.label,
                    "help_text": question.help_text,
                    "required": question.required,
                    "options": options,
                    "statements": [label for _key, label in question.statement_pairs()],
                    "scale": scale,
                    "ratings": list(range(0, 11)),
                    "allow_other": question.allow_other,
                    "multiple": question.field_type == FieldType.MULTIPLE_CHOICE,
                    "note": _condition_note(question, by_key) if question.condition_field else "",
                }
            )
        steps.append(
            PaperStep(
                title=step.title,
                intro=step.section.help_text if step.section else "",
                questions=items,
            )
        )
    return steps
