"""Gather what residents said into engine TextItems.

Each source (comments, survey answers) yields InputItems; a reference string names each item
stably (content type, object id, field) so a run can record exactly what it read and the report
can point back to it. Only text that passed moderation and had personal data redacted is read.
"""

import hashlib
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from datetime import datetime

from django.utils.module_loading import import_string

SOURCES = (
    "analysis.sources.comment_items",
    "analysis.sources.survey_items",
)


@dataclass(frozen=True)
class InputItem:
    content_type_id: int
    object_id: int
    field_key: str
    text: str
    language: str | None = None
    stance: str | None = None
    created: datetime | None = None
    facts: dict = field(default_factory=dict)

    @property
    def ref(self) -> str:
        return item_ref(self.content_type_id, self.object_id, self.field_key)

    def as_text_item(self):
        from analysis.engine.types import TextItem

        meta = {k: str(v) for k, v in self.facts.items() if v not in (None, "")}
        return TextItem(
            id=self.ref,
            text=self.text,
            declared_language=self.language,
            stance=self.stance,
            created=self.created,
            meta=meta,
        )


def item_ref(content_type_id: int, object_id: int, field_key: str = "") -> str:
    return f"{content_type_id}:{object_id}:{field_key}"


def parse_ref(ref: str) -> tuple[int, int, str]:
    content_type_id, object_id, field_key = ref.split(":", 2)
    return int(content_type_id), int(object_id), field_key


def _sources() -> list[Callable[..., Iterable[InputItem]]]:
    return [import_string(path) for path in SOURCES]


def gather_items(*, consultation, refs: Iterable[str] | None = None) -> list[InputItem]:
    """Every analysable item of a consultation, in a stable order; limited to `refs` when a
    run re-reads exactly the inputs it was created with."""
    wanted = set(refs) if refs is not None else None
    items = []
    for source in _sources():
        for item in source(consultation=consultation):
            if wanted is None or item.ref in wanted:
                items.append(item)
    items.sort(key=lambda item: (item.content_type_id, item.object_id, item.field_key))
    return items


def inputs_hash(items: Iterable[InputItem]) -> str:
    """Fingerprint of exactly what was analysed (refs and text), to compare runs."""
    digest = hashlib.sha256()
    for item in items:
        digest.update(item.ref.encode())
        digest.update(b"\0")
        digest.update(item.text.encode("utf-8", "replace"))
        digest.update(b"\0")
    return digest.hexdigest()
