"""A small multilingual corpus fed to runs through a stand-in source, so the analysis app is
tested on known inputs whatever the comment and survey apps hold."""

import pytest
from django.contrib.contenttypes.models import ContentType
from django.utils import timezone

from analysis.inputs import InputItem

CORPUS = [
    (
        "en",
        "agree",
        "web",
        "There should be one phone number for everything, I never know who to call.",
    ),
    ("en", "agree", "phone", "One number to call would save so much time, please make it simple."),
    ("en", "disagree", "web", "I waited on hold for forty minutes and nobody called me back."),
    ("en", "unsure", "mail", "Nobody ever calls back after I leave a voicemail."),
    (
        "es",
        "agree",
        "web",
        "Necesito un intérprete cuando llamo a la ciudad, no hablo bien inglés.",
    ),
    ("es", "agree", "meeting", "Los materiales deberían estar traducidos al español."),
    ("ko", "agree", "web", "통역 서비스가 필요합니다. 한국어로 안내를 받고 싶어요."),
    ("ko", "disagree", "web", "전화 대기 시간이 너무 깁니다. 한 시간 기다렸어요."),
    ("zh-hans", "agree", "web", "我希望能查询我的请求的处理进度。"),
    ("vi", "agree", "web", "Tôi muốn có thông dịch viên tiếng Việt khi gọi cho thành phố."),
    ("ru", "agree", "web", "Нужен один номер телефона для всех вопросов."),
    ("am", "agree", "web", "የአማርኛ አስተርጓሚ ያስፈልገናል።"),
]


def corpus_items(**_kwargs):
    content_type = ContentType.objects.get_by_natural_key("auth", "user")
    now = timezone.now()
    return [
        InputItem(
            content_type_id=content_type.id,
            object_id=index + 1,
            field_key="",
            text=text,
            language=language,
            stance=stance,
            created=now,
            facts={"channel": channel, "district": "north" if index % 2 else "south"},
        )
        for index, (language, stance, channel, text) in enumerate(CORPUS)
    ]


@pytest.fixture
def corpus_source(monkeypatch):
    """Route analysis inputs to the corpus above."""
    monkeypatch.setattr("analysis.inputs.SOURCES", ("tests.analysis.conftest.corpus_items",))
    return corpus_items
