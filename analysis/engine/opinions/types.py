"""Plain dataclasses in and out of the opinion-group computation.

No NumPy here: the web app builds ``Vote`` rows and reads results without loading the numeric
stack, which only the background worker needs.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any, Literal

AGREE = 1
PASS = 0
DISAGREE = -1
VOTE_VALUES = (AGREE, PASS, DISAGREE)

# Attributes a participant may carry; each gives one comparison across its values.
ATTRIBUTE_KINDS = ("language", "channel", "district")

Direction = Literal["agree", "disagree"]


@dataclass(frozen=True)
class Vote:
    """One participant's vote on one statement: agree 1, disagree -1, pass 0.

    When a participant votes on a statement more than once the latest vote counts: the later
    ``timestamp`` wins; a vote without a timestamp counts as arriving after every vote before
    it in the order given.
    """

    participant_id: str
    statement_id: str
    value: int
    timestamp: float | None = None


@dataclass(frozen=True)
class ParticipantAttributes:
    """What we know about a participant besides their votes; ``None`` means unknown."""

    participant_id: str
    language: str | None = None
    channel: str | None = None
    district: str | None = None


@dataclass(frozen=True)
class OpinionOptions:
    """Settings, each one Polis's own default (see docs/analysis-method.md)."""

    min_votes: int = 7  # placed once a participant voted on min(7, number of statements)
    greedy_participants: int = 15  # below this many placed, the most active are placed too
    base_clusters: int = 100  # fine k-means step before grouping
    max_groups: int = 5
    pca_iterations: int = 100  # power-iteration cap for warm-started updates
    kmeans_iterations: int = 100
    group_restarts: int = 10  # k-means++ restarts when grouping from scratch
    k_buffer: int = 4  # an update switches k only after the new k won this many times in a row
    top_representative: int = 5
    top_consensus: int = 5
    seed: int = 0


@dataclass(frozen=True)
class VoteCounts:
    """Votes cast on one statement by one group of participants."""

    agree: int = 0
    disagree: int = 0
    passed: int = 0

    @property
    def seen(self) -> int:
        return self.agree + self.disagree + self.passed

    @property
    def agree_probability(self) -> float:
        """Polis's estimate with one pseudo-vote each way: (A + 1) / (S + 2).

        Above 0.5 exactly when more than half of those who voted agreed.
        """
        return (self.agree + 1) / (self.seen + 2)

    @property
    def disagree_probability(self) -> float:
        return (self.disagree + 1) / (self.seen + 2)


@dataclass(frozen=True)
class StatementRow:
    """One line of an agreement table: a statement's votes in each group and overall."""

    statement_id: str
    counts: Mapping[str, VoteCounts]
    total: VoteCounts


@dataclass(frozen=True)
class ConsensusStatement:
    """Group-informed consensus (Polis): the product over groups of (A + 1) / (S + 2)."""

    statement_id: str
    score: float
    agree_probabilities: Mapping[str, float]
    majority_in_every_group: bool


@dataclass(frozen=True)
class DivisiveStatement:
    """A statement a majority of one group agrees with and fewer than half of another does."""

    statement_id: str
    spread: float  # highest minus lowest group agree probability
    most_agreeing: str
    least_agreeing: str
    z: float  # two-proportion z-test, most against least agreeing group


@dataclass(frozen=True)
class GroupComparison:
    """Consensus and division across one way of splitting participants.

    ``kind`` is "opinion" (the computed groups) or an attribute ("language", "channel",
    "district"); ``groups`` are the group keys (opinion group labels or attribute values).
    """

    kind: str
    groups: tuple[str, ...]
    sizes: Mapping[str, int]
    table: tuple[StatementRow, ...]
    consensus: tuple[ConsensusStatement, ...]  # every statement, highest score first
    divisive: tuple[DivisiveStatement, ...]  # widest spread first

    @property
    def common_ground(self) -> tuple[ConsensusStatement, ...]:
        """Statements more than half of the voters in every group agreed with."""
        return tuple(c for c in self.consensus if c.majority_in_every_group)


@dataclass(frozen=True)
class StatementStat:
    """Polis's per-statement test figures for agreeing (or disagreeing) within a set."""

    statement_id: str
    direction: Direction
    n_success: int
    n_trials: int
    probability: float  # (n_success + 1) / (n_trials + 2)
    probability_z: float  # one-proportion z-test against one half


@dataclass(frozen=True)
class RepresentativeStatement:
    """A statement on which a group differs from everyone else (Polis's "repness")."""

    statement_id: str
    direction: Direction
    n_success: int
    n_trials: int
    probability: float  # agree (or disagree) probability inside the group
    probability_z: float
    ratio: float  # probability inside divided by probability in the other groups
    ratio_z: float  # two-proportion z-test, inside against the other groups
    best_agree: bool = False  # the group's best agreed statement, always shown first


@dataclass(frozen=True)
class OpinionGroup:
    """One opinion group: who is in it, where it sits on the map, what sets it apart."""

    label: str  # "A", "B", ... largest group first
    participant_ids: tuple[str, ...]
    center: tuple[float, float]
    representative: tuple[RepresentativeStatement, ...]

    @property
    def size(self) -> int:
        return len(self.participant_ids)


@dataclass(frozen=True)
class PlacedParticipant:
    """A voter's position on the 2-D map; ``placed`` is False with too few votes."""

    participant_id: str
    x: float
    y: float
    n_votes: int
    placed: bool
    group: str | None = None


@dataclass(frozen=True)
class GroupChoice:
    """How many groups and why: ``rule`` is "silhouette", "smoothed" (an update kept the
    earlier k until the new best k had won ``k_buffer`` times), "one-position" (placed
    participants do not differ) or "nobody-placed"."""

    k: int
    rule: str
    silhouettes: Mapping[int, float] = field(default_factory=dict)


@dataclass
class OpinionResult:
    """Everything the results page and the exports need, plus the state for updates."""

    statement_ids: tuple[str, ...]
    participants: tuple[PlacedParticipant, ...]
    groups: tuple[OpinionGroup, ...]
    choice: GroupChoice
    opinion: GroupComparison
    attributes: Mapping[str, GroupComparison]
    consensus_agree: tuple[StatementStat, ...]  # Polis's overall consensus, all voters
    consensus_disagree: tuple[StatementStat, ...]
    n_votes: int
    state: Any = field(repr=False, default=None)  # OpinionState, for update_opinions

    @property
    def n_placed(self) -> int:
        return sum(p.placed for p in self.participants)
