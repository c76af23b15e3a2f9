"""What the opinion-group pages show, read from the stored snapshot: the map as SVG points
(with the same numbers in a table), the groups and what sets each apart, common ground and
divisions across opinion groups and across language communities, in the reader's language."""

from __future__ import annotations

from dataclasses import dataclass

from django.utils.translation import get_language_info

from analysis.models.opinions import OpinionSnapshot
from consultation.selectors.statements import statements_shown

MAP_SIZE = 320
MAP_PAD = 16
# Okabe-Ito hues darkened to 3:1 against white; each group also has its own marker shape.
GROUP_STYLES = [
    ("#0b5e99", "circle"),
    ("#b34700", "square"),
    ("#00745a", "triangle"),
    ("#a3336f", "diamond"),
    ("#6b5400", "cross"),
]


def snapshot_of(*, consultation_key) -> OpinionSnapshot | None:
    return OpinionSnapshot.objects.filter(consultation_key=consultation_key).first()


@dataclass(frozen=True)
class Share:
    agree: int
    disagree: int
    passed: int

    @property
    def seen(self) -> int:
        return self.agree + self.disagree + self.passed

    @property
    def percent(self) -> int | None:
        return round(100 * self.agree / self.seen) if self.seen else None

    @property
    def majority(self) -> bool:
        return 2 * self.agree > self.seen


def _language_name(code: str) -> str:
    try:
        return str(get_language_info(code)["name_translated"])
    except KeyError:
        return code


def _scale(points):
    """Map coordinates to the SVG box, y pointing up, keeping the aspect ratio."""
    if not points:
        return lambda x, y: (MAP_SIZE / 2, MAP_SIZE / 2)
    xs, ys = [p[0] for p in points], [p[1] for p in points]
    span = max(max(xs) - min(xs), max(ys) - min(ys)) or 1.0
    cx, cy = (max(xs) + min(xs)) / 2, (max(ys) + min(ys)) / 2
    inner = MAP_SIZE - 2 * MAP_PAD

    def scale(x, y):
        return (
            round(MAP_SIZE / 2 + (x - cx) / span * inner, 1),
            round(MAP_SIZE / 2 - (y - cy) / span * inner, 1),
        )

    return scale


def marker_path(shape: str, x: float, y: float, r: float = 4.5) -> str:
    """An SVG path for one marker; shapes tell groups apart without colour."""
    if shape == "square":
        return f"M{x - r:.1f} {y - r:.1f}h{2 * r:.1f}v{2 * r:.1f}h{-2 * r:.1f}z"
    if shape == "triangle":
        return f"M{x:.1f} {y - r:.1f}L{x + r:.1f} {y + r:.1f}L{x - r:.1f} {y + r:.1f}z"
    if shape == "diamond":
        return f"M{x:.1f} {y - r:.1f}L{x + r:.1f} {y:.1f}L{x:.1f} {y + r:.1f}L{x - r:.1f} {y:.1f}z"
    if shape == "cross":
        w = r / 2.5
        return (
            f"M{x - w:.1f} {y - r:.1f}h{2 * w:.1f}v{r - w:.1f}h{r - w:.1f}v{2 * w:.1f}"
            f"h{w - r:.1f}v{r - w:.1f}h{-2 * w:.1f}v{w - r:.1f}h{w - r:.1f}v{-2 * w:.1f}"
            f"h{r - w:.1f}z"
        )
    return f"M{x - r:.1f} {y:.1f}a{r} {r} 0 1 0 {2 * r:.1f} 0a{r} {r} 0 1 0 {-2 * r:.1f} 0z"


def _map(figures) -> dict:
    labels = [g["label"] for g in figures["groups"]]
    styles = {label: GROUP_STYLES[i % len(GROUP_STYLES)] for i, label in enumerate(labels)}
    scale = _scale(figures["points"])
    points = []
    for x, y, group in figures["points"]:
        sx, sy = scale(x, y)
        colour, shape = styles.get(group, ("#555555", "circle"))
        points.append({"d": marker_path(shape, sx, sy), "colour": colour, "group": group})
    return {"size": MAP_SIZE, "points": points, "styles": styles}


def _comparison(comparison: dict, texts: dict, names: dict) -> dict:
    keys = comparison["groups"]
    rows = []
    for row in comparison["table"]:
        shown = texts.get(row["statement"])
        if shown is None:
            continue
        shares = [Share(*row["counts"][k]) for k in keys]
        rows.append({"statement": shown, "shares": shares, "total": Share(*row["total"])})
    common = [
        texts[c["statement"]]
        for c in comparison["consensus"]
        if c["majority"] and c["statement"] in texts
    ]
    divisive = [
        {
            "statement": texts[d["statement"]],
            "most": names.get(d["most"], d["most"]),
            "least": names.get(d["least"], d["least"]),
        }
        for d in comparison["divisive"]
        if d["statement"] in texts
    ]
    return {
        "groups": [
            {"key": k, "name": names.get(k, k), "size": comparison["sizes"][k]} for k in keys
        ],
        "rows": rows,
        "common_ground": common,
        "divisive": divisive,
    }


def _groups(figures, texts, styles) -> list[dict]:
    groups = []
    for group in figures["groups"]:
        colour, shape = styles[group["label"]]
        groups.append(
            {
                "label": group["label"],
                "marker": marker_path(shape, 8, 8, 6),
                "size": group["size"],
                "center": group["center"],
                "colour": colour,
                "shape": shape,
                "representative": [
                    {**r, "text": texts[r["statement"]], "percent": round(100 * r["probability"])}
                    for r in group["representative"]
                    if r["statement"] in texts
                ],
            }
        )
    return groups


def opinion_results(*, consultation, language: str) -> dict:
    """Everything the public results page and the staff report show, or ``{}`` before the
    first computation."""
    snapshot = snapshot_of(consultation_key=consultation.translation_key)
    if snapshot is None or not snapshot.figures:
        return {}
    figures = snapshot.figures
    texts = statements_shown(consultation_key=consultation.translation_key, language=language)
    drawn = _map(figures)
    attributes = figures.get("attributes", {})
    by_language = attributes.get("language")
    return {
        "snapshot": snapshot,
        "figures": figures,
        "map": drawn,
        "groups": _groups(figures, texts, drawn["styles"]),
        "opinion": _comparison(figures["opinion"], texts, {}),
        "languages": _comparison(
            by_language, texts, {k: _language_name(k) for k in by_language["groups"]}
        )
        if by_language
        else None,
        "statements": texts,
    }
