"""What one resident's comment led to: the approved themes it fed and the changes in later
drafts staff linked to those themes, in the reader's language. The status page (through the
consultation hook) and the outcome email read it."""

from django.contrib.contenttypes.models import ContentType
from django.core.cache import cache
from django.utils import translation
from wagtail.models import Locale

from analysis.pages import MethodNotePage, WhatWeHeardPage, YouSaidWeDidPage
from analysis.reports.effective import effective_themes
from analysis.selectors.public import right_change_reasons
from analysis.selectors.published import published_result, published_themes
from consultation.selectors.drafts import draft_keys_of, drafts_in_language, right_titles

OUTCOME_PAGE_TYPES = (WhatWeHeardPage, YouSaidWeDidPage, MethodNotePage)


def outcome_pages(*, consultation) -> list:
    """The consultation's live result pages in the reader's language ("What we heard", "You
    said, we did", the method note), once results are published; none before."""
    if published_result(consultation=consultation) is None:
        return []
    local = consultation.get_translation_or_none(Locale.get_active()) or consultation
    found = {
        type(page): page
        for page in local.get_children().live().type(*OUTCOME_PAGE_TYPES).specific()
    }
    return [found[model] for model in OUTCOME_PAGE_TYPES if model in found]


OUTCOME_LINKS_SECONDS = 120


GENERATION_KEY = "outcome-links:generation"


def outcome_links_key(consultation_key, language: str) -> str:
    """One entry per consultation (all its translations) and reader's language, in the current
    generation (see ``outcome_links_forget``)."""
    generation = cache.get(GENERATION_KEY, 0)
    return f"outcome-links:{generation}:{consultation_key}:{language}"


def outcome_links_forget(**_signal) -> None:
    """Make every cached entry stale at once: publishing results, or publishing, moving or
    unpublishing any page, can change which result pages a consultation links."""
    try:
        cache.incr(GENERATION_KEY)
    except ValueError:
        cache.set(GENERATION_KEY, 1, None)


def outcome_links(*, consultation) -> list[tuple[str, str]]:
    """(title, url) of ``outcome_pages``, cached per consultation and language: every public
    page links them, and the look-up is several queries. Publishing results clears the entry
    and any page published or unpublished (``outcome_links_forget``)."""
    key = outcome_links_key(consultation.translation_key, translation.get_language())
    links = cache.get(key)
    if links is None:
        links = [(page.title, page.url) for page in outcome_pages(consultation=consultation)]
        cache.set(key, links, OUTCOME_LINKS_SECONDS)
    return links


def you_said_we_did_pages(*, draft_key, language: str | None = None) -> list:
    """Live "You said, we did" pages about a draft: in the language when translated, else in
    the default language."""
    pages = YouSaidWeDidPage.objects.live().filter(draft__translation_key=draft_key)
    local = list(pages.filter(locale__language_code=language or translation.get_language()))
    return local or list(pages.filter(locale=Locale.get_default()))


def draft_change_reasons(*, draft, language: str | None = None) -> dict[str, dict]:
    """Right key -> the changes and themes behind it, for one draft's comparison page."""
    language = language or translation.get_language()
    pages = you_said_we_did_pages(draft_key=draft.translation_key, language=language)
    return right_change_reasons(pages=pages, language=language)


def _changes_for(theme_id: int, drafts: list, reasons_by_draft: dict) -> list[dict]:
    changes = []
    for draft in drafts:
        titles = right_titles(draft)
        for right_key, reason in reasons_by_draft[draft.pk].items():
            if any(t["id"] == theme_id for t in reason["themes"]):
                changes.append(
                    {
                        "draft": draft,
                        "right_key": right_key,
                        "right_title": titles.get(right_key, ""),
                        "what_we_did": reason["what_we_did"],
                        "page": reason["page"],
                    }
                )
    return changes


def comment_outcome(comment) -> dict:
    """Which published themes a comment fed in the newest published results, and for each, the
    changes in later drafts that staff linked to it; in the active language. The reasons of
    each later draft are read once, not once per theme."""
    empty = {"themes": [], "run": None, "included": False}
    if comment.draft is None:
        return empty
    consultation = comment.draft.get_parent().specific
    result = published_result(consultation=consultation)
    if result is None:
        return empty
    run = result.run
    language = translation.get_language()
    content_type = ContentType.objects.get_for_model(type(comment))
    item_filter = {"content_type_id": content_type.pk, "object_id": comment.pk}
    fed = effective_themes(run=run, item_filter=item_filter).get(
        (content_type.pk, comment.pk, ""), set()
    )
    themes = {t["id"]: t for t in published_themes(result=result, language=language).values()}
    drafts = list(
        drafts_in_language(
            draft_keys=draft_keys_of(consultation),
            language=language,
            after_version=comment.draft.version_number,
        )
    )
    reasons = {d.pk: draft_change_reasons(draft=d, language=language) for d in drafts}
    outcome = [
        {**themes[theme_id], "changes": _changes_for(theme_id, drafts, reasons)}
        for theme_id in sorted(fed, key=lambda pk: -themes.get(pk, {}).get("count", 0))
        if theme_id in themes
    ]
    included = run.items.filter(content_type_id=content_type.pk, object_id=comment.pk).exists()
    return {"themes": outcome, "run": run, "result": result, "included": included}
