"""What changed between two versions of a draft, right by right and word by word.

Pure Python over the pages' StreamField values (no queries): rights are matched by their stable
block id, so a right keeps its identity across versions and translations."""

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
