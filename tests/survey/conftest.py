"""A survey with every question type under the demo consultation, built in code (the admin
workflow test builds the same one through the Wagtail admin)."""

import pytest

from tests.factories import SurveyPageFactory

ALL_TYPES = [
    {
        "clean_name": "part_one",
        "field_type": "section",
        "label": "Your experience",
        "help_text": "About the city's services.",
        "required": False,
    },
    {
        "clean_name": "called",
        "field_type": "radio",
        "label": "Have you phoned the city this year?",
        "choices": "Yes\nNo",
    },
    {
        "clean_name": "wait",
        "field_type": "singleline",
        "label": "How long did you wait?",
        "condition_field": "called",
        "condition_values": "yes",
    },
    {
        "clean_name": "channels",
        "field_type": "checkboxes",
        "label": "How do you contact the city?",
        "choices": "Phone\nEmail\nIn person",
        "allow_other": True,
    },
    {"clean_name": "satisfaction", "field_type": "rating", "label": "How satisfied are you?"},
    {
        "clean_name": "part_two",
        "field_type": "section",
        "label": "Your priorities",
        "required": False,
    },
    {
        "clean_name": "single_number",
        "field_type": "likert",
        "label": "One phone number for everything would help.",
    },
    {
        "clean_name": "priorities",
        "field_type": "ranking",
        "label": "Rank these priorities",
        "choices": "Speed\nFairness\nClarity",
    },
    {
        "clean_name": "statements",
        "field_type": "matrix",
        "label": "How far do you agree?",
        "statements": "Staff are polite\nAnswers are clear",
    },
    {
        "clean_name": "why_unhappy",
        "field_type": "multiline",
        "label": "What went wrong?",
        "required": False,
        "condition_field": "satisfaction",
        "condition_values": "0\n1\n2\n3\n4",
    },
    {
        "clean_name": "district",
        "field_type": "dropdown",
        "label": "Which district?",
        "choices": "North\nSouth\nPrefer not to say",
        "required": False,
    },
    {"clean_name": "part_three", "field_type": "section", "label": "About you", "required": False},
    {
        "clean_name": "household",
        "field_type": "number",
        "label": "People in your home",
        "required": False,
    },
    {
        "clean_name": "moved_in",
        "field_type": "date",
        "label": "When did you move here?",
        "required": False,
    },
    {"clean_name": "email", "field_type": "email", "label": "Email for updates", "required": False},
    {
        "clean_name": "comments",
        "field_type": "multiline",
        "label": "Anything else?",
        "required": False,
    },
]

VALID_ANSWERS = {
    1: {
        "called": "yes",
        "wait": "Ten minutes",
        "channels": ["phone", "other"],
        "channels__other": "Text message",
        "satisfaction": "3",
    },
    2: {
        "single_number": "5",
        "priorities__speed": "2",
        "priorities__fairness": "1",
        "priorities__clarity": "3",
        "statements__staff_are_polite": "4",
        "statements__answers_are_clear": "2",
        "why_unhappy": "Nobody called back.",
        "district": "north",
    },
    3: {"household": "3", "moved_in": "2019-04-01", "email": "", "comments": ""},
}


def build_survey(consultation, slug="every-type", title="Every type survey"):
    return SurveyPageFactory(parent=consultation, title=title, slug=slug, questions=ALL_TYPES)


@pytest.fixture
def survey(demo):
    return build_survey(demo["consultation"])


def post_step(client, page, number, data, action="next", url=None):
    payload = {"step": str(number), "action": action}
    payload.update(data)
    return client.post(url or page.url, payload)


def complete(client, page, answers=VALID_ANSWERS, url=None):
    response = None
    for number in sorted(answers):
        action = "submit" if number == max(answers) else "next"
        response = post_step(client, page, number, answers[number], action=action, url=url)
        assert response.status_code == 302, response.content.decode()[:3000]
    return response


def translate(page, code: str, strings: dict | None = None):
    """Translate a survey the way editors do, through wagtail-localize's PO import: each string
    gets its entry from `strings` (msgid -> text) or stays in the source language."""
    from wagtail.models import Locale
    from wagtail_localize.models import Translation, TranslationSource

    locale = Locale.objects.get(language_code=code)
    source, _created = TranslationSource.update_or_create_from_instance(page)
    translation, _created = Translation.objects.get_or_create(
        source=source, target_locale=locale, defaults={"enabled": True}
    )
    po = translation.export_po()
    for entry in po:
        entry.msgstr = (strings or {}).get(entry.msgid, "")
    translation.import_po(po, tool_name="tests")
    translation.save_target(publish=True)
    return page.get_translation(locale)


@pytest.fixture
def translated(django_capture_on_commit_callbacks):
    def run(page, code, strings=None):
        with django_capture_on_commit_callbacks(execute=True):
            return translate(page, code, strings)

    return run
