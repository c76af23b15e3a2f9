"""Plain dataclasses that go in and out of the analysis engine.

They carry no behaviour and no Django objects, so the web app can build them from rows and store
what comes back, and tests can build them by hand.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import datetime
from typing import Any, Literal

ENGINE_VERSION = "2.0.0"  # 2.0: multilingual sentence view, language offsets, readable labels

Stance = Literal["agree", "disagree", "unsure"]
AssignmentSource = Literal["codebook", "learned", "emergent"]


@dataclass(frozen=True)
class TextItem:
    """One resident comment (or survey answer) to analyse."""

    id: str
    text: str
    declared_language: str | None = None
    stance: str | None = None
    created: datetime | None = None
    meta: Mapping[str, str] = field(default_factory=dict)
    vector: Any = None  # the stored sentence vector of this text, when the app has one


@dataclass
class CodebookTheme:
    """A theme analysts expect, with example phrases per language (Wagtail code -> phrases).

    ``names`` and ``descriptions`` hold translations of ``name`` and ``description`` for display
    and as extra matching text; they are optional.
    """

    key: str
    name: str
    description: str
    examples: dict[str, list[str]]
    principle: str | None = None
    names: dict[str, str] = field(default_factory=dict)
    descriptions: dict[str, str] = field(default_factory=dict)


@dataclass
class CodedExample:
    """An analyst's coding of one item; an empty tuple means "fits no theme"."""

    item: TextItem
    theme_keys: tuple[str, ...]


@dataclass(frozen=True)
class LanguageGuess:
    code: str | None
    confidence: float
    source: Literal["declared", "detected", "script"]


@dataclass(frozen=True)
class PiiSpan:
    kind: str
    start: int
    end: int


@dataclass(frozen=True)
class ScrubResult:
    text: str
    spans: list[PiiSpan]


@dataclass(frozen=True)
class DuplicateGroup:
    exemplar_id: str
    item_ids: tuple[str, ...]


@dataclass(frozen=True)
class Assignment:
    """One comment in one theme. ``confidence`` is a calibrated probability for codebook and
    learned themes; ``needs_review`` marks those inside the review band (an analyst should
    check them before they are quoted) and emergent memberships, which no analyst defined."""

    item_id: str
    theme_key: str
    confidence: float
    why: tuple[str, ...]
    source: AssignmentSource
    needs_review: bool = False


@dataclass(frozen=True)
class StanceResult:
    """Stance of one item.

    ``source="form"`` is what the resident chose on the form. ``source="text"`` is English-only
    VADER *sentiment* ("positive", "negative", "neutral"), not stance, and ``method`` says so.
    Items with neither have ``stance=None``.
    """

    item_id: str
    stance: str | None
    source: Literal["form", "text"]
    method: str = "form"
    sentiment: float | None = None


@dataclass
class EmergentTheme:
    """A group of comments no codebook theme covered.

    ``label`` is a short readable phrase (from the theme's most central comment, preferring the
    analyst's language); ``labels`` has one per language present. ``language`` is the theme's
    most common language and ``language_counts`` its whole mix: with the semantic view one
    theme holds comments in several languages.
    """

    key: str
    language: str
    label: str
    key_phrases: list[str]
    item_ids: list[str]
    representative_ids: list[str]
    linked_key: str | None = None
    group: str | None = None
    labels: dict[str, str] = field(default_factory=dict)
    language_counts: dict[str, int] = field(default_factory=dict)


@dataclass(frozen=True)
class SummarySentence:
    text: str
    item_ids: tuple[str, ...]


@dataclass(frozen=True)
class Quote:
    item_id: str
    text: str
    language: str | None


@dataclass
class ThemeSummary:
    theme_key: str
    count: int
    total: int
    stance_counts: dict[str, int]
    sentences: list[SummarySentence]
    quotes: list[Quote]
    key_phrases: list[str]
    language_counts: dict[str, int]


@dataclass
class AnalysisOptions:
    """Knobs for ``run_analysis``; the defaults are what the product uses.

    ``backend`` adds a semantic view next to the built-in word view: "auto" is the shipped
    multilingual sentence model when installed; None means words only; or a dotted path to a
    ``TextBackend`` class or factory, or an instance. ``group_by`` names a ``TextItem.meta``
    key (e.g. "question") inside which emergent themes are searched, so unrelated questions are
    not clustered together.
    """

    backend: Any = "auto"  # "auto" (shipped e5 view if installed), None, a path or an instance
    min_confidence: float = 0.5
    max_themes_per_item: int = 3
    covered_threshold: float = 0.5
    emergent: bool = True
    group_by: str | None = None
    min_cluster_size: int = 5
    max_clusters_per_group: int = 12
    quotes_per_theme: int = 5
    near_duplicate_threshold: float = 0.8
    random_state: int = 0
    analyst_language: str = "en"  # emergent labels prefer a comment in this language
    review_band: tuple[float, float] = (0.35, 0.65)  # probabilities an analyst should check


@dataclass
class AnalysisResult:
    languages: dict[str, LanguageGuess]
    assignments: list[Assignment]
    stances: list[StanceResult]
    emergent_themes: list[EmergentTheme]
    duplicate_groups: list[DuplicateGroup]
    summaries: list[ThemeSummary]
    timings: dict[str, float]
    parameters: dict[str, Any]
    engine_version: str = ENGINE_VERSION
    new_vectors: dict[str, Any] = field(default_factory=dict)  # item id -> vector made now
