"""Who took part compared with who lives in the city, and themes that come mostly from one
small group, so a concern raised by few voices is not lost in the totals."""

from decimal import Decimal

from analysis.models.reports import PopulationShare
from participation.names import group_name

DIMENSIONS = ("language", "channel", "district")
UNDER_REPRESENTED = 0.8
SMALL_GROUP_SHARE = 20.0
MOSTLY_FROM = 50.0
MIN_THEME_COMMENTS = 3


def _pct(part: int, whole: int) -> float:
    return round(100.0 * part / whole, 1) if whole else 0.0


def participation(*, figures: dict, consultation, districts=None) -> dict[str, list[dict]]:
    """Per dimension, each group's comments and share next to its population share, with the
    group's name (`districts`: district key -> name)."""
    shares: dict[str, dict[str, Decimal]] = {d: {} for d in DIMENSIONS}
    for row in PopulationShare.objects.filter(consultation=consultation):
        shares[row.dimension][row.value] = row.percent
    total = figures["total"]
    table = {}
    for dimension in DIMENSIONS:
        counts = figures["groups"].get(dimension, {})
        values = list(counts) + [v for v in shares[dimension] if v not in counts]
        rows = []
        for value in values:
            comments = counts.get(value, 0)
            share = _pct(comments, total)
            population = shares[dimension].get(value)
            ratio = None
            if population:
                ratio = round(share / float(population), 2)
            rows.append(
                {
                    "value": value,
                    "label": group_name(dimension, value, districts=districts),
                    "comments": comments,
                    "share": share,
                    "population": float(population) if population is not None else None,
                    "ratio": ratio,
                    "under": ratio is not None and ratio < UNDER_REPRESENTED,
                }
            )
        table[dimension] = rows
    return table


def shares_are_examples(*, consultation) -> bool:
    """True while any population share is a made-up example (the demo's), not the city's."""
    return PopulationShare.objects.filter(consultation=consultation, is_example=True).exists()


def _language_artefact(theme: dict, dimension: str, sentence_model: str | None) -> bool:
    """Without a semantic view the engine can only group comments by their words, so an
    emergent theme is one language's cluster by construction: its language mix says nothing
    about who raised the concern."""
    return dimension == "language" and theme.get("kind") == "emergent" and not sentence_model


def small_group_themes(
    *, figures: dict, sentence_model: str | None = None, districts: dict | None = None
) -> list[dict]:
    """Themes whose comments come mostly (>= 50%) from a group that wrote at most 20% of all
    comments: flagged so the summary keeps them. A flag that only mirrors how the run grouped
    languages (see `_language_artefact`) comes back with ``suppressed`` set, to be explained
    rather than reported as an equity finding."""
    total = figures["total"]
    flagged = []
    for theme in figures["themes"]:
        if theme["count"] < MIN_THEME_COMMENTS:
            continue
        for dimension in ("language", "district"):
            counts = theme["groups"].get(dimension, {})
            if not counts:
                continue
            value, n = max(counts.items(), key=lambda kv: kv[1])
            overall = _pct(figures["groups"][dimension].get(value, 0), total)
            within = _pct(n, theme["count"])
            if within >= MOSTLY_FROM and overall <= SMALL_GROUP_SHARE:
                flagged.append(
                    {
                        "theme": theme,
                        "dimension": dimension,
                        "value": value,
                        "label": group_name(dimension, value, districts=districts),
                        "within": within,
                        "overall": overall,
                        "suppressed": _language_artefact(theme, dimension, sentence_model),
                    }
                )
    return flagged
