"""Demo meetings for `manage.py seed_demo`: an upcoming meeting residents can sign up for and
a past one with minutes, attendance by language and two comments taken there, in nine
languages. Translations go through wagtail-localize's PO import like the other demo pages."""

import json
from datetime import datetime, time, timedelta
from importlib import resources

from django.utils import timezone
from wagtail.models import Locale
from wagtail_localize.models import Translation, TranslationSource
from wagtail_localize.strings import extract_strings

from consultation import services
from consultation.models.meetings import MeetingPage
from participation.values import Content, Origin

SOURCE_LANGUAGE = "en"
ADDRESSES = {
    "upcoming": "1000 4th Ave, Seattle, WA 98104",
    "past": "4600 38th Ave S, Seattle, WA 98118",
}
SLUGS = {"upcoming": "meeting-central-library", "past": "meeting-rainier"}
TEXT_FIELDS = ("title", "summary", "venue", "access_note", "support_note")


def load_meeting_content() -> dict:
    text = (
        resources.files("consultation")
        .joinpath("demo_content/meetings.json")
        .read_text(encoding="utf-8")
    )
    return json.loads(text)


def _at(day, hour: int) -> datetime:
    return timezone.make_aware(datetime.combine(day, time(hour, 0)))


def _fields(kind: str, content: dict, now) -> dict:
    text = content[SOURCE_LANGUAGE][kind]
    fields = {name: text.get(name, "") for name in TEXT_FIELDS}
    fields["address"] = ADDRESSES[kind]
    if kind == "upcoming":
        day = (now + timedelta(days=10)).date()
        return {
            **fields,
            "starts_at": _at(day, 18),
            "ends_at": _at(day, 20),
            "capacity": 60,
            "childcare": True,
            "languages": [
                ("language", {"language": "en", "interpreted": False}),
                ("language", {"language": "ko", "interpreted": True}),
                ("language", {"language": "am", "interpreted": True}),
                ("language", {"language": "es", "interpreted": True}),
            ],
        }
    day = (now - timedelta(days=7)).date()
    return {
        **fields,
        "starts_at": _at(day, 18),
        "ends_at": _at(day, 20),
        "signup_enabled": False,
        "online_url": "",
        "minutes": text["minutes_html"],
        "attendance_total": 46,
        "attendance": [
            ("language", {"language": "en", "count": 20}),
            ("language", {"language": "ko", "count": 12}),
            ("language", {"language": "am", "count": 8}),
            ("language", {"language": "es", "count": 6}),
        ],
        "languages": [
            ("language", {"language": "en", "interpreted": False}),
            ("language", {"language": "ko", "interpreted": True}),
            ("language", {"language": "vi", "interpreted": True}),
        ],
    }


def _html_strings(html: str) -> list[str]:
    _template, strings = extract_strings(html)
    return [string.data for string, _attrs in strings]


def _pairs(kind: str, content: dict, code: str) -> dict[str, dict[str, str]]:
    source, target = content[SOURCE_LANGUAGE][kind], content[code][kind]
    pairs = {name: {source[name]: target[name]} for name in TEXT_FIELDS if source.get(name)}
    pairs["address"] = {ADDRESSES[kind]: ADDRESSES[kind]}
    if "minutes_html" in source:
        pairs["minutes"] = dict(
            zip(
                _html_strings(source["minutes_html"]),
                _html_strings(target["minutes_html"]),
                strict=True,
            )
        )
    return pairs


def _translate(page: MeetingPage, locale: Locale, pairs: dict) -> None:
    source, _created = TranslationSource.update_or_create_from_instance(page)
    translation, _created = Translation.objects.get_or_create(
        source=source, target_locale=locale, defaults={"enabled": True}
    )
    po = translation.export_po()
    for entry in po:
        if not entry.obsolete:
            field = entry.msgctxt.split(".")[0]
            entry.msgstr = pairs.get(field, {}).get(entry.msgid, "") or entry.msgstr
    translation.import_po(po, tool_name="seed_demo")
    translation.save_target(publish=True)


def seed_meetings(*, consultation, locales: dict[str, Locale], now) -> tuple[list, int]:
    """The two demo meetings under the consultation, translated; returns (pages, created)."""
    content = load_meeting_content()
    pages, created = [], 0
    for kind in ("upcoming", "past"):
        page = MeetingPage.objects.child_of(consultation).filter(slug=SLUGS[kind]).first()
        if page is None:
            page = MeetingPage(slug=SLUGS[kind], **_fields(kind, content, now))
            consultation.add_child(instance=page)
            page.save_revision().publish()
        pages.append(page)
        for code, locale in locales.items():
            if code == SOURCE_LANGUAGE or page.get_translations().filter(locale=locale).exists():
                continue
            _translate(page, locale, _pairs(kind, content, code))
            created += 1
    return pages, created


MEETING_COMMENTS = [
    ("en", "timely-reply", "agree", "Nobody should wait a week to hear back about a repair."),
    ("ko", "one-number", "agree", "전화번호가 하나면 어르신들도 쉽게 연락할 수 있습니다."),
]
COMMENT_TOKEN = "demo-meeting-comment-"  # noqa: S105 - a submission-token prefix, not a secret


def past_meeting() -> MeetingPage | None:
    return MeetingPage.objects.filter(
        slug=SLUGS["past"], locale__language_code=SOURCE_LANGUAGE
    ).first()


def seed_meeting_comments(*, draft, meeting, right_key) -> int:
    """Two comments staff took at the past meeting, with the meeting as their provenance,
    published; returns how many were added."""
    added = 0
    for index, (language, right, stance, text) in enumerate(MEETING_COMMENTS):
        received = meeting.starts_at + timedelta(hours=1)
        submission = services.comment_submit(
            draft=draft,
            right_key=right_key(right),
            content=Content(text=text, stance=stance, language=language),
            origin=Origin(
                channel="meeting",
                submission_token=f"{COMMENT_TOKEN}{index}",
                received_at=received,
                provenance={
                    "received_on": received.date(),
                    "taken_by": "Community engagement team",
                    "interpreter_used": language != "en",
                    "interpreter_language": "Korean" if language == "ko" else "",
                    "text_form": "verbatim",
                    "source_detail": meeting.title,
                    "meeting": meeting,
                },
                notify=False,
            ),
        )
        if submission.created:
            services.comment_approve(comment=submission.comment, user=None, note="Demo data")
            added += 1
    return added
