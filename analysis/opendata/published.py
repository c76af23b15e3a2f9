"""The one place the open data reads analysis results from: the approved themes of a
consultation's published analysis, with their figures, and which of them each comment fed.

"Published" means the newest published version of the consultation's results (the
publication gate, analysis/services/publication.py): its frozen themes and figures, the same
the public pages show. Which comments fed each theme is read from that version's run. Results
are cached per version and review version, so paging through the API does not recompute them."""

from dataclasses import dataclass, field

from django.core.cache import cache

from analysis.reports.effective import effective_themes
from analysis.selectors.published import published_result, published_themes
from consultation.selectors.published import comment_content_type_id, machine_output_public

CACHE_SECONDS = 600


@dataclass(frozen=True)
class PublishedAnalysis:
    """What the open data may say about themes: the analysis it comes from (run and date),
    the approved themes (key -> key, label, count, share, stance) and, per comment id, the
    keys of the approved themes it fed."""

    run_id: int
    approved_at: str
    themes: dict[str, dict] = field(default_factory=dict)
    comment_themes: dict[int, list[str]] = field(default_factory=dict)

    def comments_with_theme(self, key: str) -> list[int]:
        return [pk for pk, keys in self.comment_themes.items() if key in keys]


def _comment_themes(run, approved: dict[int, str]) -> dict[int, list[str]]:
    content_type_id = comment_content_type_id()
    themes = effective_themes(run=run, item_filter={"content_type_id": content_type_id})
    fed: dict[int, list[str]] = {}
    for (ct, object_id, field_key), theme_ids in themes.items():
        if ct != content_type_id or field_key:
            continue
        keys = sorted(approved[pk] for pk in theme_ids if pk in approved)
        if keys:
            fed[object_id] = keys
    return fed


def published_analysis(*, consultation, language: str) -> PublishedAnalysis | None:
    """The published analysis of a consultation in a language, or None before any, and None
    where the consultation's AI switch keeps machine analysis off public pages (the themes
    each comment fed are the machine's sorting)."""
    published = published_result(consultation=consultation)
    if published is None or not machine_output_public(
        consultation_key=consultation.translation_key
    ):
        return None
    run = published.run
    key = f"opendata:analysis:{published.pk}:{run.review_version}:{language}"
    found = cache.get(key)
    if found is not None:
        return found
    themes = {
        theme_key: {
            "key": theme_key,
            "label": row["label"],
            "count": row["count"],
            "share": round(row["share"], 1),
            "stance": row["stance"],
        }
        for theme_key, row in published_themes(result=published, language=language).items()
    }
    approved = {row["id"]: theme_key for theme_key, row in published.themes.items()}
    result = PublishedAnalysis(
        run_id=run.pk,
        approved_at=run.approved_at.isoformat(),
        themes=themes,
        comment_themes=_comment_themes(run, approved),
    )
    cache.set(key, result, CACHE_SECONDS)
    return result
