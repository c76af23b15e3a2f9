"""A finished run built row by row (no engine), so report figures can be checked against
numbers worked out by hand and by a direct count over the stored assignments."""

from datetime import UTC, datetime, timedelta

from django.contrib.contenttypes.models import ContentType

from analysis.models import AnalysisItem, AnalysisRun, Theme, ThemeAssignment
from tests.factories import AnalysisItemFactory, AnalysisRunFactory, ThemeFactory

LANGUAGES = ("en", "ko", "es", "en", "am")
CHANNELS = ("web", "phone", "web", "mail")
DISTRICTS = ("north", "south", "east")
STANCES = ("agree", "disagree", "unsure", "")
START = datetime(2026, 3, 2, 12, 0, tzinfo=UTC)
THEMES = (
    ("one-number", "One number to call", "codebook", "approved"),
    ("waiting", "Waiting times", "codebook", "approved"),
    ("interpreters", "Language access", "codebook", "approved"),
    ("emergent-parking", "Parking at offices", "emergent", "proposed"),
    ("emergent-parking-2", "Car parks", "emergent", "proposed"),
)


def theme_keys_for(index: int) -> list[str]:
    """Deterministic multi-label themes: some items have none, some two or three."""
    keys = []
    if index % 2 == 0:
        keys.append("one-number")
    if index % 3 == 0:
        keys.append("waiting")
    if index % 5 in (1, 4):
        keys.append("interpreters")
    if index % 7 == 3:
        keys.append("emergent-parking")
    if index % 11 == 6:
        keys.append("emergent-parking-2")
    return keys


def build_run(*, consultation, size: int = 40, right_keys=("",)) -> AnalysisRun:
    content_type = ContentType.objects.get_by_natural_key("auth", "user")
    run = AnalysisRunFactory(
        consultation=consultation,
        input_ids=[f"{content_type.pk}:{i + 1}:" for i in range(size)],
        totals={"items": size},
    )
    themes = {
        key: ThemeFactory(
            run=run,
            key=key,
            name=name,
            kind=kind,
            state=state,
            principle="easy" if key == "one-number" else "",
        )
        for key, name, kind, state in THEMES
    }
    items, rows = [], []
    for index in range(size):
        object_id = index + 1
        items.append(
            AnalysisItemFactory.build(
                run=run,
                content_type=content_type,
                object_id=object_id,
                ref=f"{content_type.pk}:{object_id}:",
                language=LANGUAGES[index % len(LANGUAGES)],
                channel=CHANNELS[index % len(CHANNELS)],
                district=DISTRICTS[index % len(DISTRICTS)],
                stance=STANCES[index % len(STANCES)],
                right_key=right_keys[index % len(right_keys)],
                created=START + timedelta(days=index % 20),
                duplicate_group=f"{content_type.pk}:1:" if index in (0, 8, 16) else "",
                text=f"Comment number {index}" if index != 5 else '=HYPERLINK("x")',
            )
        )
        for key in theme_keys_for(index):
            rows.append(
                ThemeAssignment(
                    tag=themes[key],
                    run=run,
                    content_type=content_type,
                    object_id=object_id,
                    source=ThemeAssignment.Source.MACHINE,
                    confidence=0.8,
                    why=["word"],
                )
            )
    AnalysisItem.objects.bulk_create(items)
    ThemeAssignment.objects.bulk_create(rows)
    return run


def direct_counts(*, run: AnalysisRun, language: str = "", channel: str = "") -> dict:
    """Counts straight from the stored rows, written independently of the report code:
    machine rows, then analyst rows in order, merges followed, retired themes dropped."""
    themes = {t.pk: t for t in Theme.objects.filter(run=run)}

    def target(pk):
        theme = themes[pk]
        while theme.state == "merged" and theme.merged_into_id:
            theme = themes[theme.merged_into_id]
        return None if theme.state in ("retired", "merged") else theme.pk

    per_item: dict = {}
    for row in ThemeAssignment.objects.filter(run=run, source="machine"):
        if target(row.tag_id):
            per_item.setdefault(row.object_id, set()).add(target(row.tag_id))
    for row in ThemeAssignment.objects.filter(run=run, source="analyst").order_by(
        "created_at", "pk"
    ):
        if not target(row.tag_id):
            continue
        if row.decision == "rejected":
            per_item.setdefault(row.object_id, set()).discard(target(row.tag_id))
        else:
            per_item.setdefault(row.object_id, set()).add(target(row.tag_id))
    items = AnalysisItem.objects.filter(run=run)
    if language:
        items = items.filter(language=language)
    if channel:
        items = items.filter(channel=channel)
    total = items.count()
    counts: dict = {}
    for item in items:
        stance = item.stance or "none"
        for pk in per_item.get(item.object_id, ()):
            entry = counts.setdefault(
                pk, {"count": 0, "agree": 0, "disagree": 0, "unsure": 0, "none": 0}
            )
            entry["count"] += 1
            entry[stance] += 1
    return {"total": total, "themes": counts}
