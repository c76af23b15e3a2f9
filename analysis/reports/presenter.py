"""Turn stored figures into what the report templates show: labelled rows, tables and the SVG
charts drawn from the same numbers."""

from django.utils.translation import gettext as _

from analysis.reports import charts
from analysis.reports.figures import STANCES
from config.languages import LANGUAGE_TABLE
from consultation.selectors.drafts import principle_labels as consultation_principle_labels
from participation.names import group_name


def stance_labels() -> dict[str, str]:
    return {
        "agree": _("Agree"),
        "disagree": _("Disagree"),
        "unsure": _("Unsure"),
        "none": _("No stance given"),
    }


def principle_labels() -> dict[str, str]:
    labels = consultation_principle_labels()
    labels[""] = _("Whole draft or survey")
    return labels


def language_labels() -> dict[str, str]:
    labels = {code: str(english) for code, english, _local, _bidi in LANGUAGE_TABLE}
    labels["und"] = _("Not detected")
    return labels


def _theme_charts(themes: list[dict], stances: dict) -> dict:
    shown = [t for t in themes if t["count"]]
    return {
        "theme_chart": charts.bar_chart(
            rows=[(t["name"], t["count"], f"{t['count']} ({t['share']}%)") for t in shown],
            title=_("Comments per theme"),
            chart_id="chart-themes",
        ),
        "stance_chart": charts.stance_chart(
            rows=[(t["name"], t["stance"]) for t in shown],
            labels=stances,
            title=_("Stance within each theme"),
            chart_id="chart-theme-stance",
        ),
    }


def _principle_matrix(figures: dict, stances: dict) -> dict:
    principles = principle_labels()
    principle_rows = [p for p in principles if p in figures["principle_stance"]]
    values = {
        (principles[p], stances[s]): figures["principle_stance"][p].get(s, 0)
        for p in principle_rows
        for s in STANCES
    }
    return {
        "matrix_chart": charts.heat_chart(
            rows=[principles[p] for p in principle_rows],
            columns=[stances[s] for s in STANCES],
            values=values,
            title=_("Comments by principle and stance"),
            chart_id="chart-matrix",
        ),
        "matrix_rows": [
            (principles[p], [figures["principle_stance"][p].get(s, 0) for s in STANCES])
            for p in principle_rows
        ],
    }


SPLITS = ("language", "channel", "district")


def _principle_split(figures: dict, split: str, languages: dict, districts) -> list[dict]:
    """The principle x stance matrix once per group of `split` (language, channel or
    district), largest group first, so a view held by one community is not averaged away."""
    if split not in SPLITS:
        return []
    principles = principle_labels()
    groups = figures.get("principle_stance_groups", {}).get(split, {})
    sized = sorted(groups.items(), key=lambda kv: -sum(sum(c.values()) for c in kv[1].values()))
    tables = []
    for value, matrix in sized:
        if split == "language":
            label = languages.get(value, value)
        else:
            label = group_name(split, value, districts=districts)
        rows = [
            (principles.get(p, p), [matrix[p].get(s, 0) for s in STANCES])
            for p in principles
            if p in matrix
        ]
        tables.append({"value": value, "label": label, "rows": rows})
    return tables


def _trend(figures: dict) -> dict:
    trend = figures["trend"]
    themes = {str(t["id"]): t for t in figures["themes"]}
    names = {pk: t["name"] for pk, t in themes.items()}
    series = [(_("All comments"), trend["total"])] + [
        (names.get(pk, pk), values) for pk, values in trend["themes"].items()
    ]
    return {
        "trend_chart": charts.line_chart(
            labels=trend["weeks"],
            series=series,
            title=_("Comments per week"),
            chart_id="chart-trend",
        ),
        "trend_rows": [
            (week, [values[i] for _name, values in series]) for i, week in enumerate(trend["weeks"])
        ],
        # The theme rows themselves, so each column heading carries its name's language.
        "trend_series": [{"name": series[0][0]}]
        + [themes.get(pk, {"name": pk}) for pk in trend["themes"]],
    }


def _group_tables(figures: dict, languages: dict, districts: dict | None) -> list[dict]:
    titles = {"language": _("Language"), "channel": _("Channel"), "district": _("District")}
    total = figures["total"] or 1
    tables = []
    for name, title in titles.items():
        counts = figures["groups"].get(name, {})

        def label(value, name=name):
            if name == "language":
                return languages.get(value, value)
            return group_name(name, value, districts=districts)

        rows = [(label(value), n, round(100.0 * n / total, 1)) for value, n in counts.items()]
        chart = charts.bar_chart(
            rows=[(r[0], r[1], f"{r[1]} ({r[2]}%)") for r in rows],
            title=_("Comments by %(group)s") % {"group": title.lower()},
            chart_id=f"chart-{name}",
        )
        tables.append({"name": name, "title": title, "rows": rows, "chart": chart})
    return tables


def report_context(
    *,
    figures: dict,
    right_titles: dict[str, str],
    districts: dict[str, str] | None = None,
    split: str = "",
) -> dict:
    """Everything a report page shows, each chart paired with its table rows."""
    stances = stance_labels()
    languages = language_labels()
    return {
        "figures": figures,
        "themes": figures["themes"],
        "stances": [(s, stances[s]) for s in STANCES],
        "stance_totals": [(stances[s], figures["stance"][s]) for s in STANCES],
        **_theme_charts(figures["themes"], stances),
        **_principle_matrix(figures, stances),
        **_trend(figures),
        "group_tables": _group_tables(figures, languages, districts),
        "split": split if split in SPLITS else "",
        "split_tables": _principle_split(figures, split, languages, districts),
        "language_labels": languages,
        "right_titles": right_titles,
    }
