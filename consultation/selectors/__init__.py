"""Read-only queries of the consultation app, by concern: drafts and rights, comments as
residents see them, the moderation queue, and what apps above may read (published). Selectors
never write."""

from consultation.selectors.comments import (
    COMMENTS_PER_PAGE,
    COMMENTS_PER_RIGHT_PREVIEW,
    RightComments,
    comment_by_reference,
    comment_status_context,
    comment_summaries_cached,
    comment_summaries_for_draft,
    comments_published,
    stance_counts,
    summaries_cache_key,
    with_translations,
)
from consultation.selectors.drafts import (
    draft_in_language,
    live_consultation_in_language,
    right_titles,
)
from consultation.selectors.moderation import (
    duplicate_group_sizes,
    duplicates_of,
    moderation_queue,
)

__all__ = [
    "COMMENTS_PER_PAGE",
    "COMMENTS_PER_RIGHT_PREVIEW",
    "RightComments",
    "comment_by_reference",
    "comment_status_context",
    "comment_summaries_cached",
    "comment_summaries_for_draft",
    "comments_published",
    "draft_in_language",
    "duplicate_group_sizes",
    "duplicates_of",
    "live_consultation_in_language",
    "moderation_queue",
    "right_titles",
    "stance_counts",
    "summaries_cache_key",
    "with_translations",
]
