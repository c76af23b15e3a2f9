"""Read-side queries and derived views of consultation content."""

import difflib
import re
from dataclasses import dataclass, field

from django.utils.translation import gettext_lazy as _

CHANGE_LABELS = {
    "added": _("Added"),
    "removed": _("Removed"),
    "changed": _("Changed"),
    "unchanged": _("Unchanged"),
}
RIGHT_FIELDS = ("title", "statement", "commitment")
# Scripts written without spaces between words are compared character by character.
_UNSPACED = re.compile(r"[\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff]")
_TOKEN = re.compile(r"\s+|[^\s]+")


@dataclass
class DiffPiece:
    op: str  # "equal", "insert" or "delete"
    text: str


@dataclass
class RightChange:
    key: str
    kind: str
    old: dict | None
    new: dict | None
    diffs: dict[str, list[DiffPiece]] = field(default_factory=dict)

    @property
    def kind_label(self) -> str:
        return CHANGE_LABELS[self.kind]

    @property
    def title(self) -> str:
        return (self.new or self.old or {}).get("title", "")


def _tokens(text: str) -> list[str]:
    if _UNSPACED.search(text):
        return list(text)
    return _TOKEN.findall(text)


def text_diff(old: str, new: str) -> list[DiffPiece]:
    """Word-level diff (character-level for Chinese and Japanese) for readable change marks."""
    a, b = _tokens(old), _tokens(new)
    pieces: list[DiffPiece] = []
    for op, i1, i2, j1, j2 in difflib.SequenceMatcher(None, a, b, autojunk=False).get_opcodes():
        if op == "equal":
            pieces.append(DiffPiece("equal", "".join(a[i1:i2])))
            continue
        if op in ("delete", "replace"):
            pieces.append(DiffPiece("delete", "".join(a[i1:i2])))
        if op in ("insert", "replace"):
            pieces.append(DiffPiece("insert", "".join(b[j1:j2])))
    return pieces


def _rights_by_key(page) -> dict[str, dict]:
    rights = {}
    for block in page.body:
        if block.block_type == "right":
            value = block.value
            rights[block.id] = {
                "principle": value["principle"],
                **{name: value[name] for name in RIGHT_FIELDS},
            }
    return rights


def draft_comparison(*, older, newer) -> list[RightChange]:
    """Match rights across two versions by their stable key and say what happened to each,
    in the newer version's order with removed rights after the one they used to follow."""
    old_rights, new_rights = _rights_by_key(older), _rights_by_key(newer)
    changes: list[RightChange] = []
    for key, new in new_rights.items():
        old = old_rights.get(key)
        if old is None:
            changes.append(RightChange(key=key, kind="added", old=None, new=new))
            continue
        diffs = {name: text_diff(old[name], new[name]) for name in RIGHT_FIELDS}
        changed = any(old[name] != new[name] for name in (*RIGHT_FIELDS, "principle"))
        kind = "changed" if changed else "unchanged"
        changes.append(RightChange(key=key, kind=kind, old=old, new=new, diffs=diffs))
    old_order = list(old_rights)
    for key, old in old_rights.items():
        if key in new_rights:
            continue
        position = len(changes)
        earlier = old_order[: old_order.index(key)]
        for index, change in enumerate(changes):
            if change.key in earlier:
                position = index + 1
        changes.insert(position, RightChange(key=key, kind="removed", old=old, new=None))
    return changes


def comparison_counts(changes: list[RightChange]) -> dict[str, int]:
    counts = dict.fromkeys(CHANGE_LABELS, 0)
    for change in changes:
        counts[change.kind] += 1
    return counts


# Comments -------------------------------------------------------------------------------------

COMMENTS_PER_RIGHT_PREVIEW = 3
COMMENTS_PER_PAGE = 20

# Other apps (analysis) add sections to the status page: each provider takes the comment and
# returns extra context, e.g. {"comment_themes": [...]}; see consultation/status.html.
STATUS_CONTEXT_PROVIDERS: list = []


@dataclass
class RightComments:
    """What the draft page shows under one right: counts by stance and the latest comments."""

    key: str
    total: int = 0
    stances: dict[str, int] = field(default_factory=dict)
    latest: list = field(default_factory=list)

    @property
    def stance_rows(self) -> list[tuple[str, str, int]]:
        from consultation.models import Stance

        return [(value, label, self.stances.get(value, 0)) for value, label in Stance.choices]


def comments_published(*, draft_key, right_key: str | None = None, language: str | None = None):
    """Published comments of one draft (all its translations), newest first; optionally one
    right ("" = the whole draft) and one language."""
    from consultation.models import Comment, CommentStatus

    query = Comment.objects.filter(draft_key=draft_key, status=CommentStatus.PUBLISHED)
    if right_key is not None:
        query = query.filter(right_key=right_key)
    if language:
        query = query.filter(language=language)
    return query.order_by("-published_at", "-pk")


def stance_counts(queryset) -> dict[str, int]:
    from django.db.models import Count

    rows = queryset.order_by().values("stance").annotate(n=Count("pk"))
    return {row["stance"]: row["n"] for row in rows}


def comment_summaries_for_draft(*, draft, language: str | None = None) -> dict[str, RightComments]:
    """One entry per right key ("" for the whole draft) in two queries, however many rights:
    counts grouped by right and stance, and the latest few per right via a window function."""
    from django.db.models import Count, F, Window
    from django.db.models.functions import RowNumber

    published = comments_published(draft_key=draft.translation_key, language=language)
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
    from consultation.models import BillOfRightsDraftPage

    return (
        BillOfRightsDraftPage.objects.live()
        .filter(translation_key=draft_key, locale__language_code=language)
        .first()
    )


def comment_by_reference(reference: str):
    from consultation.models import Comment

    return Comment.objects.filter(reference=reference).first()


def comment_status_context(comment, *, language: str) -> dict:
    """Everything the status page shows, in the reader's language, plus what other apps add."""
    from consultation.models import CommentStatus

    draft = draft_in_language(draft_key=comment.draft_key, language=language) or comment.draft
    right_title = right_titles(draft).get(comment.right_key, "") if draft else ""
    decided = comment.status in (CommentStatus.PUBLISHED, CommentStatus.REJECTED)
    context = {
        "comment": comment,
        "draft": draft,
        "right_title": right_title,
        "moderated": comment.decisions.filter(action="hold").exists(),
        "decided": decided,
        "published": comment.status == CommentStatus.PUBLISHED,
        "rejected": comment.status == CommentStatus.REJECTED,
    }
    for provider in STATUS_CONTEXT_PROVIDERS:
        context.update(provider(comment) or {})
    return context


def moderation_queue(
    *,
    status: str = "",
    language: str = "",
    right_key: str | None = None,
    channel: str = "",
    flag: str = "",
    draft_key=None,
    search: str = "",
):
    """Comments for moderators, filtered; flags are computed, never stored twice."""
    from consultation.models import Comment, RedactionState

    query = Comment.objects.select_related("draft", "provenance")
    if status:
        query = query.filter(status=status)
    if language:
        query = query.filter(language=language)
    if draft_key:
        query = query.filter(draft_key=draft_key)
    if right_key is not None:
        query = query.filter(right_key=right_key)
    if channel:
        query = query.filter(channel=channel)
    if flag == "personal_data":
        query = query.filter(redaction_state=RedactionState.DETECTED)
    elif flag == "duplicate":
        query = query.exclude(duplicate_group="")
    elif flag == "cleaned":
        query = query.filter(text_cleaned=True)
    elif flag == "intake":
        query = query.exclude(channel="web")
    if search:
        from consultation.services import normalise_reference

        code = normalise_reference(search)
        query = query.filter(text__icontains=search) | query.filter(reference=code)
    return query.order_by("received_at", "pk")


def duplicate_group_sizes(groups) -> dict[str, int]:
    from django.db.models import Count

    from consultation.models import Comment

    rows = (
        Comment.objects.filter(duplicate_group__in=[g for g in groups if g])
        .values("duplicate_group")
        .annotate(n=Count("pk"))
    )
    return {row["duplicate_group"]: row["n"] for row in rows}


def comments_for_analysis(*, consultation) -> list[dict]:
    """Published comments on any draft of a consultation, in any language, as the analysis
    module reads them: only the public (redacted) text, never contact details."""
    from django.contrib.contenttypes.models import ContentType

    from consultation.models import Comment, CommentStatus

    content_type_id = ContentType.objects.get_for_model(Comment).pk
    rows = (
        Comment.objects.filter(
            consultation_key=consultation.translation_key, status=CommentStatus.PUBLISHED
        )
        .order_by("pk")
        .only(
            "pk",
            "text",
            "redacted_text",
            "redaction_state",
            "language",
            "stance",
            "channel",
            "district",
            "right_key",
            "received_at",
        )
    )
    return [
        {
            "content_type_id": content_type_id,
            "id": comment.pk,
            "text": comment.public_text,
            "language": comment.language,
            "stance": "" if comment.stance == "none" else comment.stance,
            "channel": comment.channel,
            "district": comment.district,
            "right_key": comment.right_key,
            "created": comment.received_at,
        }
        for comment in rows.iterator(chunk_size=2000)
    ]
