"""Build a survey with every question type through the Wagtail admin's page form, and translate
it through wagtail-localize's PO download and upload, as editors and translators do."""

import io

import polib
from django.urls import reverse
from wagtail.models import Locale
from wagtail_localize.models import Translation

from survey.models import SurveyPage

QUESTIONS = [
    {"field_type": "section", "label": "Your experience", "required": ""},
    {"field_type": "radio", "label": "Have you phoned the city this year?", "choices": "Yes\nNo"},
    {
        "field_type": "singleline",
        "label": "How long did you wait?",
        "condition_field": "Have you phoned the city this year?",
        "condition_values": "Yes",
    },
    {
        "field_type": "checkboxes",
        "label": "How do you contact the city?",
        "choices": "Phone\nEmail\nIn person",
        "allow_other": "on",
    },
    {"field_type": "dropdown", "label": "Which district?", "choices": "North\nSouth"},
    {"field_type": "rating", "label": "How satisfied are you?"},
    {"field_type": "section", "label": "Your priorities", "required": ""},
    {"field_type": "likert", "label": "One phone number for everything would help."},
    {
        "field_type": "ranking",
        "label": "Rank these priorities",
        "choices": "Speed\nFairness\nClarity",
    },
    {
        "field_type": "matrix",
        "label": "How far do you agree?",
        "statements": "Staff are polite\nAnswers are clear",
    },
    {"field_type": "multiline", "label": "What should the Bill of Rights include?"},
    {"field_type": "number", "label": "People in your home", "required": ""},
    {"field_type": "date", "label": "When did you move here?", "required": ""},
    {"field_type": "email", "label": "Email for updates", "required": ""},
]

KO = {
    "Survey of every kind": "모든 유형 설문",
    "Your experience": "경험",
    "Have you phoned the city this year?": "올해 시에 전화한 적이 있습니까?",
    "Yes": "예",
    "No": "아니요",
    "How long did you wait?": "얼마나 기다렸습니까?",
    "How do you contact the city?": "시에 어떻게 연락하십니까?",
    "Phone": "전화",
    "Email": "이메일",
    "In person": "방문",
    "Which district?": "어느 지역입니까?",
    "North": "북부",
    "South": "남부",
    "How satisfied are you?": "얼마나 만족하십니까?",
    "Your priorities": "우선순위",
    "One phone number for everything would help.": "모든 일에 전화번호 하나면 도움이 됩니다.",
    "Rank these priorities": "우선순위를 정해 주세요",
    "Speed": "속도",
    "Fairness": "공정성",
    "Clarity": "명확성",
    "How far do you agree?": "얼마나 동의하십니까?",
    "Staff are polite": "직원이 친절하다",
    "Answers are clear": "답변이 명확하다",
    "What should the Bill of Rights include?": "권리장전에 무엇이 들어가야 합니까?",
    "People in your home": "가구원 수",
    "When did you move here?": "언제 이사 오셨습니까?",
    "Email for updates": "소식 받을 이메일",
}

ES = {
    "Survey of every kind": "Encuesta de todos los tipos",
    "Your experience": "Su experiencia",
    "Have you phoned the city this year?": "¿Ha llamado a la ciudad este año?",
    "Yes": "Sí",
    "No": "No",
    "How long did you wait?": "¿Cuánto tiempo esperó?",
    "How do you contact the city?": "¿Cómo se comunica con la ciudad?",
    "Phone": "Teléfono",
    "Email": "Correo electrónico",
    "In person": "En persona",
    "Which district?": "¿Qué distrito?",
    "North": "Norte",
    "South": "Sur",
    "How satisfied are you?": "¿Qué tan satisfecho está?",
    "Your priorities": "Sus prioridades",
    "One phone number for everything would help.": "Un solo número para todo ayudaría.",
    "Rank these priorities": "Ordene estas prioridades",
    "Speed": "Rapidez",
    "Fairness": "Equidad",
    "Clarity": "Claridad",
    "How far do you agree?": "¿Qué tan de acuerdo está?",
    "Staff are polite": "El personal es amable",
    "Answers are clear": "Las respuestas son claras",
    "What should the Bill of Rights include?": "¿Qué debería incluir la Carta de Derechos?",
    "People in your home": "Personas en su hogar",
    "When did you move here?": "¿Cuándo se mudó aquí?",
    "Email for updates": "Correo para novedades",
}


def add_form_data(title: str, slug: str) -> dict:
    data = {
        "title": title,
        "slug": slug,
        "form_fields-TOTAL_FORMS": str(len(QUESTIONS)),
        "form_fields-INITIAL_FORMS": "0",
        "form_fields-MIN_NUM_FORMS": "0",
        "form_fields-MAX_NUM_FORMS": "1000",
        "action-publish": "publish",
    }
    for index, question in enumerate(QUESTIONS):
        prefix = f"form_fields-{index}-"
        row = {
            "required": "on",
            "help_text": "",
            "choices": "",
            "statements": "",
            "condition_field": "",
            "condition_values": "",
            **question,
        }
        for name, value in row.items():
            if value:
                data[prefix + name] = value
        data[prefix + "ORDER"] = str(index + 1)
        data[prefix + "id"] = ""
        data[prefix + "DELETE"] = ""
    return data


def build_in_admin(client, consultation, *, title="Survey of every kind", slug="every-kind"):
    url = reverse("wagtailadmin_pages:add", args=["survey", "surveypage", consultation.id])
    response = client.post(url, add_form_data(title, slug))
    assert response.status_code == 302, response.content.decode()[:5000]
    assert response["Location"] != reverse("wagtailadmin_home"), "editor may not add pages"
    return SurveyPage.objects.get(slug=slug, locale=consultation.locale)


def translate_in_admin(client, page, code: str, strings: dict, capture):
    locale = Locale.objects.get(language_code=code)
    response = client.post(
        reverse("wagtail_localize:submit_page_translation", args=[page.id]),
        {"locales": [locale.id]},
    )
    assert response.status_code == 302
    translation = Translation.objects.get(
        source__object_id=page.translation_key, target_locale=locale
    )
    po = polib.pofile(
        client.get(
            reverse("wagtail_localize:download_pofile", args=[translation.id])
        ).content.decode()
    )
    for entry in po:
        entry.msgstr = strings.get(entry.msgid, entry.msgid if entry.msgctxt == "slug" else "")
    upload = io.BytesIO(str(po).encode())
    upload.name = f"{page.slug}-{code}.po"
    response = client.post(
        reverse("wagtail_localize:upload_pofile", args=[translation.id]),
        {"file": upload, "next": "/admin/"},
    )
    assert response.status_code == 302
    target = page.get_translation(locale)
    with capture(execute=True):
        response = client.post(
            reverse("wagtailadmin_pages:edit", args=[target.id]), {"action": "publish"}
        )
    assert response.status_code == 302
    target.refresh_from_db()
    assert target.live
    return target
