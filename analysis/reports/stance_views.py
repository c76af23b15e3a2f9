"""The majority view of a theme and any minority view, with the comments behind each, so a
theme's summary never reports only what most people said.

A view is a stance residents gave (agree, disagree, unsure with the draft); comments that gave
none do not count towards either. The largest stance is the majority view; every other stance
held by at least MINORITY_MIN comments is a minority view."""

from dataclasses import dataclass, field

VIEW_STANCES = ("agree", "disagree", "unsure")
MINORITY_MIN = 2
EXAMPLES = 3


@dataclass
class View:
    stance: str
    count: int
    share: float
    comments: list[dict] = field(default_factory=list)


def stance_views(rows, *, examples: int = EXAMPLES) -> dict:
    """`rows`: (stance, text, language, ref) of each comment in the theme. Returns the
    majority view, the minority views (largest first), how many comments gave a view, and
    whether the two largest views are tied (then no view is called the majority)."""
    by_stance: dict[str, list[dict]] = {stance: [] for stance in VIEW_STANCES}
    for stance, text, language, ref in rows:
        if stance in by_stance:
            by_stance[stance].append({"text": text, "language": language, "ref": ref})
    ranked = sorted(
        ((stance, found) for stance, found in by_stance.items() if found),
        key=lambda pair: (-len(pair[1]), VIEW_STANCES.index(pair[0])),
    )
    stated = sum(len(found) for _stance, found in ranked)

    def view(stance, found):
        share = round(100.0 * len(found) / stated, 1) if stated else 0.0
        return View(stance, len(found), share, [c for c in found if c["text"]][:examples])

    if not ranked:
        return {"majority": None, "minorities": [], "stated": 0, "tied": False}
    tied = len(ranked) > 1 and len(ranked[0][1]) == len(ranked[1][1])
    return {
        "majority": view(*ranked[0]),
        "minorities": [view(*pair) for pair in ranked[1:] if len(pair[1]) >= MINORITY_MIN],
        "stated": stated,
        "tied": tied,
    }
