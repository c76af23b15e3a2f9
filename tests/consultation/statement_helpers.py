"""Helpers for the statement tests: statements on the demo consultation (one translated into
Korean, Somali and Amharic), and voting the way a browser does (a plain form POST)."""

import re
import uuid

from wagtail.models import Locale

from consultation.models import ConsultationPage, Statement

TEXTS = {
    "en": "Letters from the city should come in my language.",
    "ko": "시에서 보내는 편지는 내 언어로 와야 한다.",
    "so": "Warqadaha magaalada waa inay igu yimaadaan luqaddayda.",
    "am": "ከከተማው የሚመጡ ደብዳቤዎች በቋንቋዬ መሆን አለባቸው።",
}


def consultation(demo, code: str = "en") -> ConsultationPage:
    source = demo["consultation"]
    return ConsultationPage.objects.get(
        translation_key=source.translation_key, locale__language_code=code
    )


def add_statement(page, text: str, *, translations=None, order: int = 0, **fields) -> Statement:
    key = uuid.uuid4()
    first = Statement.objects.create(
        consultation=page,
        locale=Locale.objects.get(language_code="en"),
        translation_key=key,
        text=text,
        sort_order=order,
        **fields,
    )
    for code, translated in (translations or {}).items():
        Statement.objects.create(
            consultation=page,
            locale=Locale.objects.get(language_code=code),
            translation_key=key,
            text=translated,
            sort_order=order,
            **fields,
        )
    return first


def make_statements(demo) -> list[Statement]:
    """Three statements; the first in English, Korean, Somali and Amharic."""
    page = consultation(demo)
    translated = {k: v for k, v in TEXTS.items() if k != "en"}
    return [
        add_statement(page, TEXTS["en"], translations=translated, order=1),
        add_statement(page, "Interpreters should be free at every counter.", order=2),
        add_statement(page, "Offices should open on Saturdays.", order=3),
    ]


def vote_url(demo, code: str = "en") -> str:
    return f"/{code}/statements/{consultation(demo, code).pk}/"


def shown_key(client, url: str) -> str:
    html = client.get(url).content.decode()
    return re.search(r'name="statement" value="([^"]+)"', html).group(1)


def vote(client, url: str, statement, value: int):
    key = statement if isinstance(statement, str) else str(statement.translation_key)
    return client.post(url, {"statement": key, "value": str(value)})
