"""Which themes count for which item once analysts have spoken.

The machine's rows are never edited, so the themes a report counts are derived: start from the
machine's assignments, follow merges to the surviving theme, drop retired themes, then apply
each analyst decision in the order it was made (a rejection removes a theme, a confirmation or
addition keeps it). Every report, export and agreement figure reads themes through here.
"""

from collections.abc import Iterable, Iterator

from analysis.models.runs import AnalysisRun
from analysis.models.themes import Theme, ThemeAssignment

ItemKey = tuple[int, int, str]
MACHINE_SOURCES = (ThemeAssignment.Source.MACHINE,)


def theme_targets(*, run: AnalysisRun) -> dict[int, int | None]:
    """Theme id -> the theme it now counts as (itself, its merge target, or None if retired)."""
    rows = {
        pk: (state, merged_into)
        for pk, state, merged_into in Theme.objects.filter(run=run).values_list(
            "pk", "state", "merged_into_id"
        )
    }
    targets: dict[int, int | None] = {}
    for pk in rows:
        current, seen = pk, set()
        while current is not None and current not in seen:
            seen.add(current)
            state, merged_into = rows[current]
            if state == Theme.State.MERGED and merged_into in rows:
                current = merged_into
                continue
            break
        if current is None or rows[current][0] in (Theme.State.RETIRED, Theme.State.MERGED):
            targets[pk] = None
        else:
            targets[pk] = current
    return targets


def analyst_decisions(*, run: AnalysisRun, item_filter: dict | None = None):
    """Analyst rows of a run in the order they were made: (item key, theme id, decision)."""
    rows = ThemeAssignment.objects.filter(run=run, source=ThemeAssignment.Source.ANALYST)
    if item_filter:
        rows = rows.filter(**item_filter)
    return rows.order_by("created_at", "pk").values_list(
        "content_type_id", "object_id", "field_key", "tag_id", "decision"
    )


def apply_decisions(
    themes: dict[ItemKey, set[int]], decisions: Iterable, targets: dict[int, int | None]
) -> dict[ItemKey, set[int]]:
    for content_type_id, object_id, field_key, tag_id, decision in decisions:
        target = targets.get(tag_id)
        if target is None:
            continue
        key = (content_type_id, object_id, field_key)
        if decision == ThemeAssignment.Decision.REJECTED:
            themes.get(key, set()).discard(target)
        else:
            themes.setdefault(key, set()).add(target)
    return themes


def machine_themes(
    *, run: AnalysisRun, targets: dict[int, int | None], item_filter: dict | None = None
) -> dict[ItemKey, set[int]]:
    """The machine's themes per item, mapped through merges and retirements."""
    rows = ThemeAssignment.objects.filter(run=run, source__in=MACHINE_SOURCES)
    if item_filter:
        rows = rows.filter(**item_filter)
    themes: dict[ItemKey, set[int]] = {}
    for content_type_id, object_id, field_key, tag_id in rows.values_list(
        "content_type_id", "object_id", "field_key", "tag_id"
    ).iterator(chunk_size=5000):
        target = targets.get(tag_id)
        if target is not None:
            themes.setdefault((content_type_id, object_id, field_key), set()).add(target)
    return themes


def effective_themes(
    *, run: AnalysisRun, item_filter: dict | None = None
) -> dict[ItemKey, set[int]]:
    """Item key -> the theme ids that count for it after analysts' decisions."""
    targets = theme_targets(run=run)
    themes = machine_themes(run=run, targets=targets, item_filter=item_filter)
    return apply_decisions(themes, analyst_decisions(run=run, item_filter=item_filter), targets)


def stream_effective_themes(
    *, run: AnalysisRun, keys: Iterator[ItemKey]
) -> Iterator[tuple[ItemKey, set[int]]]:
    """Themes per item for items arriving in (content type, object, field) order, reading the
    machine's rows in the same order alongside: memory stays flat however many items there are
    (the export path)."""
    targets = theme_targets(run=run)
    overrides = apply_decisions({}, analyst_decisions(run=run), targets)
    rejected: dict[ItemKey, set[int]] = {}
    for ct, oid, fk, tag_id, decision in analyst_decisions(run=run):
        target = targets.get(tag_id)
        key = (ct, oid, fk)
        if target is None:
            continue
        if decision == ThemeAssignment.Decision.REJECTED:
            rejected.setdefault(key, set()).add(target)
        else:
            rejected.get(key, set()).discard(target)
    machine = (
        ThemeAssignment.objects.filter(run=run, source__in=MACHINE_SOURCES)
        .order_by("content_type_id", "object_id", "field_key")
        .values_list("content_type_id", "object_id", "field_key", "tag_id")
        .iterator(chunk_size=5000)
    )
    pending = next(machine, None)
    group_key, group = None, {}
    for key in keys:
        if key[:2] != group_key:
            # Compare integers only: text collation differs between databases.
            group_key, group = key[:2], {}
            while pending is not None and pending[:2] < group_key:
                pending = next(machine, None)
            while pending is not None and pending[:2] == group_key:
                target = targets.get(pending[3])
                if target is not None:
                    group.setdefault(pending[2], set()).add(target)
                pending = next(machine, None)
        found = set(group.get(key[2], ()))
        found -= rejected.get(key, set())
        found |= overrides.get(key, set())
        yield key, found
