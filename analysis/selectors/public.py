"""What residents see of the analysis: approved themes in their language with their figures,
the themes behind each changed right, and the context of the public analysis pages. Only
approved runs and approved themes reach residents, and nothing here carries personal data.

The page models call into this module, so it never imports them: whoever needs "You said, we
did" pages looked up passes them in (see analysis/selectors/outcomes.py)."""

from django.utils import translation

from analysis.models.publications import PublishedResult
from analysis.selectors.published import method_facts, published_result, published_themes
from consultation.selectors.drafts import right_titles


def right_change_reasons(*, pages, language: str | None = None) -> dict[str, dict]:
    """Right key -> what changed and the themes behind it, from live "You said, we did" pages
    about one draft; themes and figures come from the consultation's published results, read
    once however many changes cite them. Nothing shows before results are published."""
    language = language or translation.get_language()
    reasons: dict[str, dict] = {}
    themes_by_consultation: dict[int, dict] = {}
    for page in pages:
        parent_id = page.get_parent().pk
        if parent_id not in themes_by_consultation:
            result = published_result(consultation=page.get_parent().specific)
            themes_by_consultation[parent_id] = (
                published_themes(result=result, language=language) if result else {}
            )
        themes = themes_by_consultation[parent_id]
        if not themes:
            continue
        for block in page.changes:
            value = block.value
            found = [themes[key] for key in value["themes"] if key in themes]
            entry = reasons.setdefault(
                value["right_key"], {"what_we_did": [], "themes": [], "page": page}
            )
            entry["what_we_did"].append(value["what_we_did"])
            entry["themes"].extend(t for t in found if t not in entry["themes"])
    return reasons


def findings_context(*, page, result: PublishedResult) -> dict:
    """ "What we heard": each section the editors wrote, with its theme's published figures."""
    themes = published_themes(result=result)
    return {
        "findings": [
            {"block": block.value, "theme": themes.get(block.value["theme_key"])}
            for block in page.body
        ]
    }


def changes_context(*, page, result: PublishedResult) -> dict:
    """ "You said, we did": each changed right of the new draft with the themes behind it."""
    if not page.draft_id:
        return {}
    themes = published_themes(result=result)
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


def method_context(*, result: PublishedResult) -> dict:
    """The method note: the published agreement figures, how the themes were made and what
    analysts did to them, and the approved themes, largest first."""
    themes = published_themes(result=result)
    return {
        "agreement": result.figures.get("agreement"),
        "method": method_facts(result=result),
        "approved_themes": sorted(themes.values(), key=lambda t: -t["count"]),
    }
