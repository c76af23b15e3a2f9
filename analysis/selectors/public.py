"""What residents see of the analysis: approved themes in their language with their figures,
the themes behind each changed right, and the context of the public analysis pages. Only
approved runs and approved themes reach residents, and nothing here carries personal data.

The page models call into this module, so it never imports them: whoever needs "You said, we
did" pages looked up passes them in (see analysis/selectors/outcomes.py)."""

from django.utils import translation

from analysis.models.runs import AnalysisRun
from analysis.models.themes import Theme
from analysis.selectors.figures import report_figures
from analysis.selectors.themes import codebook_names, theme_label
from consultation.selectors.drafts import right_titles


def public_themes(*, run: AnalysisRun, language: str | None = None) -> dict[str, dict]:
    """Approved themes of a run by key, with their label in the language and their figures."""
    language = language or translation.get_language()
    names = codebook_names(consultation=run.consultation)
    figures = {row["id"]: row for row in report_figures(run=run)["themes"]}
    themes = {}
    for theme in Theme.objects.filter(run=run, state=Theme.State.APPROVED):
        row = figures.get(theme.pk, {})
        themes[theme.key] = {
            "id": theme.pk,
            "key": theme.key,
            "label": theme_label(theme, language, names),
            "count": row.get("count", 0),
            "share": row.get("share", 0.0),
            "stance": row.get("stance", {}),
        }
    return themes


def right_change_reasons(*, pages, language: str | None = None) -> dict[str, dict]:
    """Right key -> what changed and the themes behind it, from live "You said, we did" pages
    about one draft; each run's themes are read once however many changes cite them."""
    language = language or translation.get_language()
    reasons: dict[str, dict] = {}
    themes_by_run: dict[int, dict] = {}
    for page in pages:
        if page.run is None:
            continue
        if page.run_id not in themes_by_run:
            themes_by_run[page.run_id] = public_themes(run=page.run, language=language)
        themes = themes_by_run[page.run_id]
        for block in page.changes:
            value = block.value
            found = [themes[key] for key in value["themes"] if key in themes]
            entry = reasons.setdefault(
                value["right_key"], {"what_we_did": [], "themes": [], "page": page}
            )
            entry["what_we_did"].append(value["what_we_did"])
            entry["themes"].extend(t for t in found if t not in entry["themes"])
    return reasons


def approved_run_of(page) -> AnalysisRun | None:
    return page.run if page.run_id and page.run.approved_at else None


def findings_context(*, page, run: AnalysisRun) -> dict:
    """ "What we heard": each section the editors wrote, with its theme's figures."""
    themes = public_themes(run=run)
    return {
        "findings": [
            {"block": block.value, "theme": themes.get(block.value["theme_key"])}
            for block in page.body
        ]
    }


def changes_context(*, page, run: AnalysisRun) -> dict:
    """ "You said, we did": each changed right of the new draft with the themes behind it."""
    if not page.draft_id:
        return {}
    themes = public_themes(run=run)
    draft = page.draft.get_translation_or_none(page.locale) or page.draft
    titles = right_titles(draft)
    return {
        "draft": draft,
        "changes": [
            {
                "right_key": block.value["right_key"],
                "right_title": titles.get(block.value["right_key"], ""),
                "what_we_did": block.value["what_we_did"],
                "themes": [themes[k] for k in block.value["themes"] if k in themes],
            }
            for block in page.changes
        ],
    }


def method_context(*, run: AnalysisRun, figures: dict) -> dict:
    """The method note: agreement figures and the approved themes, largest first."""
    themes = public_themes(run=run)
    return {
        "agreement": figures.get("agreement"),
        "approved_themes": sorted(themes.values(), key=lambda t: -t["count"]),
        "codebook_themes": Theme.objects.filter(run=run, kind=Theme.Kind.CODEBOOK).count(),
        "emergent_themes": Theme.objects.filter(run=run, kind=Theme.Kind.EMERGENT).count(),
    }
