"""Reads about consultations and their drafts: which versions exist in which language, and
each right's number, title and principle by its stable key."""

from django.conf import settings
from wagtail.models import Locale

from consultation.models.pages import BillOfRightsDraftPage, ConsultationPage
from consultation.principles import Principle


def right_titles(draft) -> dict[str, str]:
    """Right key -> "number. title" in the draft's language."""
    titles = {}
    number = 0
    for block in draft.body:
        if block.block_type == "right":
            number += 1
            titles[block.id] = f"{number}. {block.value['title']}"
    return titles


def draft_in_language(*, draft_key, language: str):
    """The live draft with this translation key in a language, or None."""
    return (
        BillOfRightsDraftPage.objects.live()
        .filter(translation_key=draft_key, locale__language_code=language)
        .first()
    )


def draft_by_key(*, draft_key, live: bool = True):
    """The draft with this translation key, in the default language when it exists there."""
    drafts = BillOfRightsDraftPage.objects.filter(translation_key=draft_key)
    if live:
        drafts = drafts.live()
    return drafts.filter(locale=Locale.get_default()).first() or drafts.first()


def drafts_of(consultation, *, live: bool = False):
    """Every version of a consultation's draft under this page (one language), oldest first."""
    drafts = BillOfRightsDraftPage.objects.child_of(consultation)
    if live:
        drafts = drafts.live()
    return drafts.order_by("version_number")


def newest_draft(consultation):
    return drafts_of(consultation).last()


def drafts_in_language(*, draft_keys, language: str, after_version: int = 0):
    """Live drafts with these translation keys in a language, newer than a version."""
    return (
        BillOfRightsDraftPage.objects.live()
        .filter(
            locale__language_code=language,
            version_number__gt=after_version,
            translation_key__in=list(draft_keys),
        )
        .order_by("version_number")
    )


def draft_keys_of(consultation) -> list:
    """Translation keys of every version of a consultation's draft."""
    return list(drafts_of(consultation).values_list("translation_key", flat=True))


def right_principles(consultation) -> dict[str, str]:
    """Right key -> principle, from every draft of a consultation (newest wins)."""
    principles = {}
    for draft in drafts_of(consultation):
        for block in draft.rights():
            principles[block.id] = block.value["principle"]
    return principles


def right_titles_of(consultation) -> dict[str, str]:
    """Right key -> "number. title" across every draft of a consultation (newest wins)."""
    titles: dict[str, str] = {}
    for draft in drafts_of(consultation):
        titles.update(right_titles(draft))
    return titles


def principle_labels() -> dict[str, str]:
    return {value: str(label) for value, label in Principle.choices}


def is_draft_page(page) -> bool:
    return isinstance(getattr(page, "specific", page), BillOfRightsDraftPage)


def consultations_in_default_language():
    """Consultations as staff manage them: in the default language (translations follow)."""
    return ConsultationPage.objects.filter(locale=Locale.get_default()).order_by("title")


def consultation_by_id(pk: int):
    return ConsultationPage.objects.filter(pk=pk).first()


def consultation_by_slug(slug: str, *, language: str | None = None):
    language = language or settings.LANGUAGE_CODE
    return ConsultationPage.objects.filter(slug=slug, locale__language_code=language).first()


def live_consultation_in_language(language: str):
    """The newest live consultation in a language (the paper form's default)."""
    return (
        ConsultationPage.objects.live()
        .filter(locale__language_code=language)
        .order_by("-opens_at")
        .first()
    )


def live_consultation_by_id(pk: int):
    return ConsultationPage.objects.live().filter(pk=pk).first()


def consultation_in_language(consultation, language: str):
    """The live translation of a consultation in a language, or None."""
    return (
        ConsultationPage.objects.live()
        .filter(translation_key=consultation.translation_key, locale__language_code=language)
        .first()
    )
