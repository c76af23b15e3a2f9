"""Draft public pages from an approved run for staff to edit, translate and publish: "What we
heard" (approved themes with quotes from published comments only), "You said, we did" (a
newer draft's changed rights linked to the themes behind them) and the method note."""

from django.db import transaction
from django.utils import translation
from django.utils.translation import gettext as _
from wagtail.models import Locale

from analysis.inputs import gather_items
from analysis.models.runs import AnalysisRun
from analysis.models.themes import Theme
from analysis.pages import MethodNotePage, WhatWeHeardPage, YouSaidWeDidPage
from analysis.selectors.figures import report_figures
from analysis.selectors.themes import codebook_names, quotable_refs, theme_label

QUOTES_PER_THEME = 3
FINDINGS = 8


def intro_texts() -> dict[str, str]:
    """The default introductions, translatable; staff replace them before publishing."""
    return {
        "what-we-heard": _(
            "Here is what residents told us, grouped into themes. Numbers count comments and "
            "survey answers in every language; quotes are shown in the language they were "
            "written in."
        ),
        "you-said-we-did": _(
            "For each right we changed in the new draft, here is what residents said and "
            "what we did about it."
        ),
        "method-note": _(
            "How we read every comment and survey answer, how the themes were made, and how "
            "often the computer's suggestions matched our analysts' judgement."
        ),
    }


def page_titles() -> dict[str, str]:
    return {
        "what-we-heard": _("What we heard"),
        "you-said-we-did": _("You said, we did"),
        "method-note": _("How we analysed your comments"),
    }


def _published_quotes(theme: Theme, published: set[str], quotable: set[str]) -> list[dict]:
    """Quotes still published whose place in the theme is sure or an analyst confirmed it."""
    quotes = []
    for quote in theme.summary.get("quotes", []):
        item_id = quote.get("item_id")
        if item_id in published and item_id in quotable and quote.get("language"):
            quotes.append({"text": quote["text"], "language": quote["language"]})
        if len(quotes) == QUOTES_PER_THEME:
            break
    return quotes


def findings_for(*, run: AnalysisRun, language: str) -> list[dict]:
    """Approved themes with comments, largest first, as "What we heard" sections."""
    published = {item.ref for item in gather_items(consultation=run.consultation)}
    names = codebook_names(consultation=run.consultation)
    counts = {t["id"]: t["count"] for t in report_figures(run=run)["themes"]}
    themes = [
        t for t in Theme.objects.filter(run=run, state=Theme.State.APPROVED) if counts.get(t.pk)
    ]
    themes.sort(key=lambda t: -counts[t.pk])
    themes = themes[:FINDINGS]
    quotable = quotable_refs(run=run, theme_ids=[t.pk for t in themes])
    return [
        {
            "theme_key": theme.key,
            "title": theme_label(theme, language, names),
            "summary": "",
            "quotes": _published_quotes(theme, published, quotable[theme.pk]),
        }
        for theme in themes
    ]


def _child(consultation, model, slug: str, **fields):
    existing = model.objects.child_of(consultation).filter(slug=slug).first()
    if existing is not None:
        return existing, False
    page = model(slug=slug, **fields)
    consultation.add_child(instance=page)
    return page, True


@transaction.atomic
def public_pages_create(
    *, consultation, run: AnalysisRun, draft=None, links: dict | None = None, publish=False
) -> dict:
    """Create the three pages under the consultation (default language) if missing, filled
    from the run; `links` maps a right key of `draft` to (theme keys, what we did)."""
    default = Locale.get_default()
    consultation = consultation.get_translation_or_none(default) or consultation
    language = default.language_code
    with translation.override(language):
        titles, intros = page_titles(), intro_texts()
        approved = set(
            Theme.objects.filter(run=run, state=Theme.State.APPROVED).values_list("key", flat=True)
        )
        heard, _created = _child(
            consultation,
            WhatWeHeardPage,
            "what-we-heard",
            title=titles["what-we-heard"],
            run=run,
            intro=f"<p>{intros['what-we-heard']}</p>",
            body=[("finding", f) for f in findings_for(run=run, language=language)],
        )
        changes = []
        for right_key, (keys, text) in (links or {}).items():
            keys = [k for k in keys if k in approved]
            if keys:
                changes.append(
                    ("change", {"right_key": right_key, "themes": keys, "what_we_did": text})
                )
        said, _created = _child(
            consultation,
            YouSaidWeDidPage,
            "you-said-we-did",
            title=titles["you-said-we-did"],
            run=run,
            draft=draft,
            intro=f"<p>{intros['you-said-we-did']}</p>",
            changes=changes,
        )
        method, _created = _child(
            consultation,
            MethodNotePage,
            "method-note",
            title=titles["method-note"],
            run=run,
            intro=f"<p>{intros['method-note']}</p>",
        )
    pages = {"what-we-heard": heard, "you-said-we-did": said, "method-note": method}
    for page in pages.values():
        revision = page.save_revision()
        if publish:
            revision.publish()
    return pages
