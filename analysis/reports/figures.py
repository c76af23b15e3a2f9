"""The numbers of a theme report, computed from a run's stored items and effective themes.

One pass over the items gives every figure the report shows: themes ranked by comments with
share and stance split, a principle x stance matrix, weekly trend, participation by group, and
copy-paste groups. The unfiltered figures are stored per run (see snapshot.py); filtered ones
are computed on request the same way, so both always agree.
"""

from collections import Counter, defaultdict
from dataclasses import asdict, dataclass, fields
from datetime import date, timedelta

from analysis.models.runs import AnalysisItem, AnalysisRun
from analysis.models.themes import Theme
from analysis.reports.effective import effective_themes
from consultation.selectors.drafts import right_principles as consultation_right_principles

STANCES = ("agree", "disagree", "unsure", "none")
TREND_THEMES = 5
TOP_DUPLICATE_GROUPS = 10


@dataclass(frozen=True)
class ReportFilters:
    right: str = ""
    language: str = ""
    channel: str = ""
    district: str = ""
    stance: str = ""
    meeting: str = ""
    date_from: date | None = None
    date_to: date | None = None

    @property
    def active(self) -> bool:
        return any(getattr(self, f.name) not in ("", None) for f in fields(self))

    def as_query(self) -> dict:
        return {
            k: (v.isoformat() if isinstance(v, date) else v) for k, v in asdict(self).items() if v
        }

    def apply(self, items):
        if self.right:
            items = items.filter(right_key="" if self.right == "-" else self.right)
        if self.language:
            items = items.filter(language=self.language)
        if self.channel:
            items = items.filter(channel=self.channel)
        if self.district:
            items = items.filter(district=self.district)
        if self.stance:
            if self.stance == "none":
                items = items.exclude(stance__in=STANCES[:3])
            else:
                items = items.filter(stance=self.stance)
        if self.meeting:
            items = items.filter(meeting=self.meeting)
        if self.date_from:
            items = items.filter(created__date__gte=self.date_from)
        if self.date_to:
            items = items.filter(created__date__lte=self.date_to)
        return items


def stance_of(value: str) -> str:
    return value if value in STANCES[:3] else "none"


def week_start(day: date) -> date:
    return day - timedelta(days=day.weekday())


def right_principles(*, run: AnalysisRun) -> dict[str, str]:
    """Right key -> principle, from every draft of the run's consultation."""
    return consultation_right_principles(run.consultation)


def _pct(part: int, whole: int) -> float:
    return round(100.0 * part / whole, 1) if whole else 0.0


ITEM_FIELDS = (
    "content_type_id",
    "object_id",
    "field_key",
    "language",
    "channel",
    "district",
    "right_key",
    "stance",
    "created",
    "duplicate_group",
    "ref",
    "text",
)


class _Tally:
    """The counters one pass over the items fills: overall, per group, per theme, per week."""

    def __init__(self, principles: dict[str, str], themes_of: dict):
        self.principles = principles
        self.themes_of = themes_of
        self.total = self.themed = 0
        self.stance: Counter = Counter()
        self.groups = {name: Counter() for name in ("language", "channel", "district", "right")}
        self.theme_counts: Counter = Counter()
        self.theme_stance: dict[int, Counter] = defaultdict(Counter)
        self.theme_groups: dict[int, dict[str, Counter]] = defaultdict(
            lambda: {"language": Counter(), "channel": Counter(), "district": Counter()}
        )
        self.principle_stance: dict[str, Counter] = defaultdict(Counter)
        # principle x stance within each language, channel and district
        self.principle_groups: dict[str, dict] = {
            name: defaultdict(lambda: defaultdict(Counter))
            for name in ("language", "channel", "district")
        }
        self.weeks: dict[str, Counter] = defaultdict(Counter)
        self.duplicates: dict[str, list] = defaultdict(list)

    def add(self, row) -> None:
        ct, oid, fk, language, channel, district, right_key, stance, created, dup, ref, text = row
        stance = stance_of(stance)
        language, channel, district = language or "und", channel or "unknown", district or "unknown"
        self.total += 1
        self.stance[stance] += 1
        self.groups["language"][language] += 1
        self.groups["channel"][channel] += 1
        self.groups["district"][district] += 1
        self.groups["right"][right_key or "-"] += 1
        principle = self.principles.get(right_key, "")
        self.principle_stance[principle][stance] += 1
        for name, value in (("language", language), ("channel", channel), ("district", district)):
            self.principle_groups[name][value][principle][stance] += 1
        week = week_start(created.date()).isoformat() if created else ""
        self.weeks[week]["__all__"] += 1
        if dup:
            self.duplicates[dup].append((ref, text))
        found = self.themes_of.get((ct, oid, fk), ())
        if found:
            self.themed += 1
        for theme_id in found:
            self.theme_counts[theme_id] += 1
            self.theme_stance[theme_id][stance] += 1
            per = self.theme_groups[theme_id]
            per["language"][language] += 1
            per["channel"][channel] += 1
            per["district"][district] += 1
            self.weeks[week][theme_id] += 1

    def themes(self, theme_rows: dict[int, dict]) -> list[dict]:
        ranked = sorted(
            (pk for pk, row in theme_rows.items() if row["state"] not in ("retired", "merged")),
            key=lambda pk: (-self.theme_counts[pk], theme_rows[pk]["name"]),
        )
        fields = ("key", "name", "machine_name", "kind", "state", "principle", "language")
        return [
            {
                "id": pk,
                **{name: theme_rows[pk][name] for name in fields},
                "count": self.theme_counts[pk],
                "share": _pct(self.theme_counts[pk], self.total),
                "stance": {s: self.theme_stance[pk][s] for s in STANCES},
                "groups": {name: dict(c) for name, c in self.theme_groups[pk].items()},
            }
            for pk in ranked
        ]

    def principle_stance_groups(self) -> dict:
        return {
            name: {
                value: {p: {s: c[s] for s in STANCES} for p, c in principles.items()}
                for value, principles in values.items()
            }
            for name, values in self.principle_groups.items()
        }

    def trend(self, themes: list[dict]) -> dict:
        weeks = self.weeks
        trend_ids = [t["id"] for t in themes[:TREND_THEMES] if t["count"]]
        buckets = sorted(w for w in weeks if w)
        return {
            "weeks": buckets,
            "total": [weeks[w]["__all__"] for w in buckets],
            "themes": {str(pk): [weeks[w][pk] for w in buckets] for pk in trend_ids},
            "undated": weeks[""]["__all__"] if "" in weeks else 0,
        }

    def copy_groups(self) -> dict:
        groups = sorted(self.duplicates.values(), key=len, reverse=True)
        return {
            "groups": len(groups),
            "items": sum(len(g) for g in groups),
            "top": [
                {"size": len(g), "ref": g[0][0], "text": g[0][1][:300]}
                for g in groups[:TOP_DUPLICATE_GROUPS]
            ],
        }


def compute_figures(*, run: AnalysisRun, filters: ReportFilters | None = None) -> dict:
    """Every figure of the report for the run's items that pass the filters."""
    filters = filters or ReportFilters()
    items = filters.apply(AnalysisItem.objects.filter(run=run))
    tally = _Tally(right_principles(run=run), effective_themes(run=run))
    for row in items.values_list(*ITEM_FIELDS).iterator(chunk_size=5000):
        tally.add(row)
    theme_rows = {
        t["pk"]: t
        for t in Theme.objects.filter(run=run).values(
            "pk", "key", "name", "machine_name", "kind", "state", "principle", "language"
        )
    }
    themes = tally.themes(theme_rows)
    return {
        "total": tally.total,
        "themed": tally.themed,
        "unthemed": tally.total - tally.themed,
        "stance": {s: tally.stance[s] for s in STANCES},
        "groups": {name: dict(c.most_common()) for name, c in tally.groups.items()},
        "themes": themes,
        "principle_stance": {
            p: {s: c[s] for s in STANCES} for p, c in tally.principle_stance.items()
        },
        "principle_stance_groups": tally.principle_stance_groups(),
        "trend": tally.trend(themes),
        "duplicates": tally.copy_groups(),
        "filters": filters.as_query(),
    }
