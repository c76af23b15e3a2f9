"""Reads residents and staff see of published comments: per right and per draft, by stance,
and one comment's way through moderation (looked up by its reference code)."""

from dataclasses import dataclass, field

from django.conf import settings
from django.core.cache import cache
from django.db.models import Count, F, Window
from django.db.models.functions import RowNumber
from django.utils.translation import get_language

from consultation.models.comments import (
    Comment,
    CommentPurpose,
    CommentStatus,
    DecisionAction,
    Stance,
)
from consultation.selectors.drafts import draft_in_language, right_titles
from consultation.selectors.published import machine_output_public
from participation.translations.selectors import attach_translations

COMMENTS_PER_RIGHT_PREVIEW = 3
COMMENTS_PER_PAGE = 20
# The services that change what a summary shows drop it at once (comment_summaries_forget);
# the lifetime only bounds a summary that a reader rebuilt while such a change was committing.
SUMMARY_CACHE_SECONDS = 300


@dataclass
class RightComments:
    """What the draft page shows under one right: counts by stance and the latest comments."""

    key: str
    total: int = 0
    stances: dict[str, int] = field(default_factory=dict)
    latest: list = field(default_factory=list)

    @property
    def stance_rows(self) -> list[tuple[str, str, int]]:
        return [(value, label, self.stances.get(value, 0)) for value, label in Stance.choices]


def comments_published(*, draft_key, right_key: str | None = None, language: str | None = None):
    """Published comments of one draft (all its translations), newest first; optionally one
    right ("" = the whole draft) and one language. Statements residents proposed for voting
    are shown on the statements page instead."""
    query = Comment.objects.filter(
        draft_key=draft_key, status=CommentStatus.PUBLISHED, purpose=CommentPurpose.COMMENT
    )
    if right_key is not None:
        query = query.filter(right_key=right_key)
    if language:
        query = query.filter(language=language)
    return query.order_by("-published_at", "-pk")


def stance_counts(queryset) -> dict[str, int]:
    rows = queryset.order_by().values("stance").annotate(n=Count("pk"))
    return {row["stance"]: row["n"] for row in rows}


def _summaries(published) -> dict[str, RightComments]:
    """Counts grouped by right and stance, and the latest few per right via a window
    function: two queries, however many rights."""
    summaries: dict[str, RightComments] = {}
    counts = published.order_by().values("right_key", "stance").annotate(n=Count("pk"))
    for row in counts:
        summary = summaries.setdefault(row["right_key"], RightComments(key=row["right_key"]))
        summary.stances[row["stance"]] = row["n"]
        summary.total += row["n"]
    latest = published.annotate(
        row=Window(
            RowNumber(),
            partition_by=[F("right_key")],
            order_by=[F("published_at").desc(), F("pk").desc()],
        )
    ).filter(row__lte=COMMENTS_PER_RIGHT_PREVIEW)
    for comment in latest:
        summaries.setdefault(comment.right_key, RightComments(key=comment.right_key))
        summaries[comment.right_key].latest.append(comment)
    return summaries


def _translated(summaries: dict[str, RightComments], draft) -> dict[str, RightComments]:
    """The reader's translation beside each shown comment (with_translations, in place)."""
    latest = [comment for summary in summaries.values() for comment in summary.latest]
    if latest:
        with_translations(latest, consultation_key=draft.get_parent().translation_key)
    return summaries


def comment_summaries_for_draft(*, draft, language: str | None = None) -> dict[str, RightComments]:
    """One entry per right key ("" for the whole draft): counts and the latest comments."""
    published = comments_published(draft_key=draft.translation_key, language=language)
    return _translated(_summaries(published), draft)


def summaries_cache_key(draft_key) -> str:
    return f"comment-summaries:{draft_key}"


def comment_summaries_cached(*, draft) -> dict[str, RightComments]:
    """comment_summaries_for_draft, with the counts and comments kept in the shared cache:
    every uncached view of a draft (a logged-in reader, the first reader after a publish)
    would otherwise run both queries and build the comment objects again, although they
    change only when a comment does. Translations depend on the reader's language and arrive
    on their own, so they are attached on every read."""
    key = summaries_cache_key(draft.translation_key)
    summaries = cache.get(key)
    if summaries is None:
        summaries = _summaries(comments_published(draft_key=draft.translation_key))
        cache.set(key, summaries, SUMMARY_CACHE_SECONDS)
    return _translated(summaries, draft)


def with_translations(comments, *, consultation_key) -> list:
    """Comments with `shown_translation`: the translation a reader of this page gets beside
    the original (their language, else the site's default), machine ones only where the
    consultation's AI switch allows them on public pages."""
    comments = attach_translations(
        comments,
        model=Comment,
        hide_machine=not machine_output_public(consultation_key=consultation_key),
    )
    wanted = (get_language() or settings.LANGUAGE_CODE, settings.LANGUAGE_CODE)
    for comment in comments:
        by_language = {row.language: row for row in comment.shown_translations}
        comment.shown_translation = next(
            (by_language[code] for code in wanted if code in by_language), None
        )
    return comments


def comment_by_reference(reference: str):
    return Comment.objects.filter(reference=reference).first()


def comment_status_context(comment, *, language: str) -> dict:
    """Everything the status page shows of a comment, in the reader's language. Apps above
    add their own panels through the "consultation_status_panels" hook (consultation/panels)."""
    draft = draft_in_language(draft_key=comment.draft_key, language=language) or comment.draft
    right_title = right_titles(draft).get(comment.right_key, "") if draft else ""
    return {
        "comment": comment,
        "draft": draft,
        "right_title": right_title,
        "moderated": comment.decisions.filter(action=DecisionAction.HOLD).exists(),
        "decided": comment.status in (CommentStatus.PUBLISHED, CommentStatus.REJECTED),
        "published": comment.status == CommentStatus.PUBLISHED,
        "rejected": comment.status == CommentStatus.REJECTED,
    }
