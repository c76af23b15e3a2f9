"""Opinion groups computed the way Polis does, plus consensus across language communities.

Votes (agree 1, disagree -1, pass 0) go in as ``Vote``s, optional ``ParticipantAttributes``
(language, channel, district) beside them; ``compute_opinions`` returns an ``OpinionResult``:
participants on a 2-D map, 2-5 opinion groups with their representative statements,
group-informed consensus and divisive statements, the same across languages, channels and
districts, and agreement tables. ``update_opinions`` folds new votes into an earlier result.
See docs/analysis-method.md, "Opinion groups (Polis method)".
"""

from importlib import import_module

from .types import (
    AGREE,
    ATTRIBUTE_KINDS,
    DISAGREE,
    PASS,
    ConsensusStatement,
    DivisiveStatement,
    GroupChoice,
    GroupComparison,
    OpinionGroup,
    OpinionOptions,
    OpinionResult,
    ParticipantAttributes,
    PlacedParticipant,
    RepresentativeStatement,
    StatementRow,
    StatementStat,
    Vote,
    VoteCounts,
)

# The computation needs NumPy, SciPy and scikit-learn; it loads on first use (PEP 562) so the
# web app can build votes and read results without them.
_LAZY = {"compute_opinions": "compute", "update_opinions": "compute", "OpinionState": "compute"}

__all__ = [
    "AGREE",
    "ATTRIBUTE_KINDS",
    "DISAGREE",
    "PASS",
    "ConsensusStatement",
    "DivisiveStatement",
    "GroupChoice",
    "GroupComparison",
    "OpinionGroup",
    "OpinionOptions",
    "OpinionResult",
    "ParticipantAttributes",
    "PlacedParticipant",
    "RepresentativeStatement",
    "StatementRow",
    "StatementStat",
    "Vote",
    "VoteCounts",
    *_LAZY,
]


def __getattr__(name: str):
    module = _LAZY.get(name)
    if module is None:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    value = getattr(import_module(f"{__name__}.{module}"), name)
    globals()[name] = value
    return value
