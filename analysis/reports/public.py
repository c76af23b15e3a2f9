"""What residents see of the analysis: theme names in their language, the themes behind each
changed right, and what one resident's comment fed. Only approved runs and approved themes
reach residents, and nothing here carries personal data."""

from django.utils import translation

from analysis.models import AnalysisRun, CodebookEntry, Theme
from analysis.reports.effective import effective_themes


def latest_approved_run(*, consultation) -> AnalysisRun | None:
    from analysis.services.runs import source_consultation

    return (
        AnalysisRun.objects.filter(
            consultation=source_consultation(consultation),
            status=AnalysisRun.Status.SUCCEEDED,
            approved_at__isnull=False,
        )
        .order_by("-approved_at", "-pk")
        .first()
    )


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


def public_themes(*, run: AnalysisRun, language: str | None = None) -> dict[str, dict]:
    """Approved themes of a run by key, with their label in the language and their figures."""
    from analysis.reports.snapshot import report_figures

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


def you_said_we_did_pages(*, draft_key, language: str | None = None):
    """Live "You said, we did" pages about a draft: in the language when translated, else in
    the default language."""
    from wagtail.models import Locale

    from analysis.pages import YouSaidWeDidPage

    pages = YouSaidWeDidPage.objects.live().filter(draft__translation_key=draft_key)
    local = list(pages.filter(locale__language_code=language or translation.get_language()))
    return local or list(pages.filter(locale=Locale.get_default()))


def right_change_reasons(*, draft, language: str | None = None) -> dict[str, dict]:
    """Right key -> what changed and the themes behind it, for a draft's comparison page."""
    language = language or translation.get_language()
    reasons: dict[str, dict] = {}
    for page in you_said_we_did_pages(draft_key=draft.translation_key, language=language):
        if page.run is None:
            continue
        themes = public_themes(run=page.run, language=language)
        for block in page.changes:
            value = block.value
            found = [themes[key] for key in value["themes"] if key in themes]
            entry = reasons.setdefault(
                value["right_key"], {"what_we_did": [], "themes": [], "page": page}
            )
            entry["what_we_did"].append(value["what_we_did"])
            entry["themes"].extend(t for t in found if t not in entry["themes"])
    return reasons


def _drafts_after(comment) -> list:
    from consultation.models import BillOfRightsDraftPage

    older = comment.draft.version_number if comment.draft else 0
    return list(
        BillOfRightsDraftPage.objects.live()
        .filter(
            locale__language_code=translation.get_language(),
            version_number__gt=older,
        )
        .filter(translation_key__in=_draft_keys_of(comment))
        .order_by("version_number")
    )


def _draft_keys_of(comment) -> list:
    from consultation.models import BillOfRightsDraftPage

    if comment.draft is None:
        return []
    consultation = comment.draft.get_parent()
    return list(
        BillOfRightsDraftPage.objects.child_of(consultation).values_list(
            "translation_key", flat=True
        )
    )


def comment_outcome(comment) -> dict:
    """Which approved themes a comment fed in the latest approved run, and for each, the
    changes in later drafts that staff linked to it; in the active language."""
    from django.contrib.contenttypes.models import ContentType

    language = translation.get_language()
    if comment.draft is None:
        return {"themes": [], "run": None, "included": False}
    run = latest_approved_run(consultation=comment.draft.get_parent().specific)
    if run is None:
        return {"themes": [], "run": None, "included": False}
    content_type = ContentType.objects.get_for_model(type(comment))
    item_filter = {"content_type_id": content_type.pk, "object_id": comment.pk}
    fed = effective_themes(run=run, item_filter=item_filter).get(
        (content_type.pk, comment.pk, ""), set()
    )
    themes = {t["id"]: t for t in public_themes(run=run, language=language).values()}
    outcome = []
    drafts = _drafts_after(comment)
    for theme_id in sorted(fed, key=lambda pk: -themes.get(pk, {}).get("count", 0)):
        theme = themes.get(theme_id)
        if theme is None:
            continue
        changes = []
        for draft in drafts:
            reasons = right_change_reasons(draft=draft, language=language)
            titles = _right_titles(draft)
            for right_key, reason in reasons.items():
                if any(t["id"] == theme_id for t in reason["themes"]):
                    changes.append(
                        {
                            "draft": draft,
                            "right_key": right_key,
                            "right_title": titles.get(right_key, ""),
                            "what_we_did": reason["what_we_did"],
                            "page": reason["page"],
                        }
                    )
        outcome.append({**theme, "changes": changes})
    included = run.items.filter(content_type_id=content_type.pk, object_id=comment.pk).exists()
    return {"themes": outcome, "run": run, "included": included}


def _right_titles(draft) -> dict[str, str]:
    from consultation.selectors import right_titles

    return right_titles(draft)
