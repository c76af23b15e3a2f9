"""Reads of published results: the version a public page shows, the list of versions, and the
frozen themes in the reader's language. Public pages, the comparison page and the status page
read only these, never a live run."""

from django.utils import translation
from django.utils.dateparse import parse_datetime

from analysis.models.publications import PublishedResult
from analysis.selectors.runs import source_consultation


def published_results(*, consultation):
    """Every published version of a consultation (any of its translations), newest first."""
    return PublishedResult.objects.filter(consultation=source_consultation(consultation))


def published_result(*, consultation, version: int | None = None) -> PublishedResult | None:
    """The newest published version, or the one asked for (None when it does not exist)."""
    results = published_results(consultation=consultation).select_related("run")
    if version is not None:
        return results.filter(version=version).first()
    return results.first()


def published_themes(*, result: PublishedResult, language: str | None = None) -> dict:
    """Theme key -> the frozen theme with its name in the language (as public_themes did)."""
    language = language or translation.get_language()
    themes = {}
    for key, theme in result.themes.items():
        labels = theme.get("labels", {})
        themes[key] = {
            "id": theme["id"],
            "key": key,
            "label": labels.get(language) or labels.get("en") or key,
            "count": theme.get("count", 0),
            "share": theme.get("share", 0.0),
            "stance": theme.get("stance", {}),
        }
    return themes


def method_facts(*, result: PublishedResult) -> dict:
    """The method note's facts, with the approval date as a date again."""
    method = dict(result.method)
    method["approved_at"] = parse_datetime(method.get("approved_at") or "")
    return method
