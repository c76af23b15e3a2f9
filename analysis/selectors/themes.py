"""Reads about themes for editors and readers: the choices page editors link changes to, and a
theme's name in the reader's language."""

from analysis.inputs import item_ref
from analysis.models.themes import CodebookEntry, Theme, ThemeAssignment
from analysis.selectors.runs import consultations_for_analysis, latest_approved_run
from consultation.selectors.drafts import newest_draft, right_titles


def right_choices() -> list[tuple[str, str]]:
    """Rights of the newest draft of each consultation (default language), for editors."""
    choices = []
    for consultation in consultations_for_analysis():
        draft = newest_draft(consultation)
        if draft is not None:
            choices.extend(right_titles(draft).items())
    return choices


def theme_choices() -> list[tuple[str, str]]:
    """Approved themes of each consultation's latest approved run, for editors."""
    choices = []
    for consultation in consultations_for_analysis():
        run = latest_approved_run(consultation=consultation)
        if run is None:
            continue
        choices.extend(
            Theme.objects.filter(run=run, state=Theme.State.APPROVED)
            .order_by("name")
            .values_list("key", "name")
        )
    return choices


def codebook_names(*, consultation) -> dict[str, dict]:
    """Theme key -> its name in each language, from the consultation's codebook or the default."""
    names = dict(
        CodebookEntry.objects.filter(consultation__isnull=True).values_list("key", "names")
    )
    names.update(
        CodebookEntry.objects.filter(consultation=consultation).values_list("key", "names")
    )
    return {key: value or {} for key, value in names.items()}


def theme_label(theme: Theme, language: str, names: dict[str, dict]) -> str:
    """A theme's name in the reader's language unless an analyst renamed it: a codebook
    theme's translated name, or an emergent theme's machine label in that language when its
    comments include some in it."""
    if theme.name != theme.machine_name:
        return theme.name
    if theme.kind == Theme.Kind.CODEBOOK:
        return names.get(theme.key, {}).get(language) or theme.name
    return (theme.labels or {}).get(language) or theme.name


def quotable_refs(*, run, theme_ids) -> dict[int, set[str]]:
    """Theme id -> the items it may quote in public: those the machine put in it with a
    probability above the review band, or an analyst confirmed or added, and no analyst
    took out. Emergent memberships and unsure matches wait for an analyst."""
    sure: dict[tuple, bool] = {}
    analyst: dict[tuple, str] = {}
    rows = (
        ThemeAssignment.objects.filter(run=run, tag_id__in=list(theme_ids))
        .exclude(source=ThemeAssignment.Source.INCREMENTAL)
        .order_by("pk")
        .values_list(
            "tag_id",
            "content_type_id",
            "object_id",
            "field_key",
            "source",
            "decision",
            "needs_review",
        )
    )
    for tag_id, ct, object_id, field_key, source, decision, needs_review in rows:
        key = (tag_id, item_ref(ct, object_id, field_key))
        if source == ThemeAssignment.Source.ANALYST:
            analyst[key] = decision
        elif not needs_review:
            sure[key] = True
    allowed = (ThemeAssignment.Decision.CONFIRMED, ThemeAssignment.Decision.ADDED)
    quotable: dict[int, set[str]] = {pk: set() for pk in theme_ids}
    for key in set(sure) | set(analyst):
        decision = analyst.get(key)
        if decision in allowed or (key in sure and decision is None):
            quotable[key[0]].add(key[1])
    return quotable
