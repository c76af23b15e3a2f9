"""Reads about themes for editors and readers: the choices page editors link changes to, and a
theme's name in the reader's language."""

from analysis.models.themes import CodebookEntry, Theme
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
    """A codebook theme's name in the reader's language unless an analyst renamed it."""
    if theme.kind == Theme.Kind.CODEBOOK and theme.name == theme.machine_name:
        return names.get(theme.key, {}).get(language) or theme.name
    return theme.name
