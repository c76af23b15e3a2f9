"""What a measurement gives back: plain, frozen dataclasses, so the editor panel, the report,
an export and a test all read the same values."""

from __future__ import annotations

from dataclasses import dataclass, field

MAX = "max"  # over when the value is above the threshold (sentence length, grade)
MIN = "min"  # over when the value is below the threshold (reading-ease scores)


@dataclass(frozen=True)
class Measure:
    """One measure of one text: its value, the city's threshold and whether it is over.

    ``value`` is None when the text is too short to measure (no words); such a measure is never
    over. ``over`` is computed, never passed, so it cannot disagree with value and threshold.
    """

    key: str
    value: float | None
    threshold: float | None
    direction: str = MAX
    unit: str = ""
    over: bool = field(init=False)

    def __post_init__(self):
        over = False
        if self.value is not None and self.threshold is not None:
            if self.direction == MAX:
                over = self.value > self.threshold
            else:
                over = self.value < self.threshold
        object.__setattr__(self, "over", over)

    @property
    def excess(self) -> float:
        """How far past the threshold, as a share of it (0 when within), so measures with
        different units can be ranked together: 30 words against a limit of 20 is 0.5."""
        if not self.over:
            return 0.0
        base = max(abs(self.threshold), 1.0)
        return abs(self.value - self.threshold) / base


@dataclass(frozen=True)
class TextReadability:
    """Every measure of one text in one language, plus what each rule found, so an editor sees
    which words were long and which phrases read as passive."""

    language: str
    sentences: int
    words: int
    measures: tuple[Measure, ...]
    long_words: tuple[str, ...] = ()
    passives: tuple[str, ...] = ()
    has_formula: bool = False
    has_passive_rule: bool = False
    long_word_min: int = 0

    @property
    def over(self) -> tuple[Measure, ...]:
        return tuple(m for m in self.measures if m.over)

    @property
    def severity(self) -> float:
        """The sum of every measure's excess: the report's "worst first" order."""
        return sum(m.excess for m in self.measures)

    def get(self, key: str) -> Measure | None:
        return next((m for m in self.measures if m.key == key), None)
