"""Demo analysis for `manage.py seed_demo`: analyse the demo comments and survey answers,
approve the run, and publish "What we heard", "You said, we did" (Draft 2's changed rights
linked to the themes behind them) and the method note in all nine languages."""

from django.db import transaction
from django.utils import translation
from django.utils.translation import gettext as _
from wagtail.models import Locale
from wagtail_localize.models import Translation, TranslationSource

from analysis.models.runs import AnalysisRun
from analysis.models.themes import Theme
from analysis.selectors.themes import codebook_names
from analysis.services import analysis_run_create, analysis_run_execute
from analysis.services.public_pages import intro_texts, page_titles, public_pages_create
from analysis.services.review import run_approve
from config.languages import LANGUAGE_CODES
from consultation.selectors.drafts import newest_draft

# Draft 2's changed and new rights, and the codebook themes residents raised about them.
DEMO_LINKS = {
    "timely-reply": ("waiting_times", "callbacks_follow_up", "responsive"),
    "track-your-request": ("request_tracking",),
    "published-results": ("accountability_results", "results_oriented"),
    "tell-us-how-we-did": ("accountability_results", "responsive"),
}


def what_we_did_texts() -> dict[str, str]:
    return {
        "timely-reply": _(
            "We set clear time limits for replies and call-backs, and joined the call-back "
            "right to the right to a timely reply."
        ),
        "track-your-request": _("You can now follow each step of your request online or by phone."),
        "published-results": _("We will publish how fast we answer, every three months."),
        "tell-us-how-we-did": _("A new right: after each request you can tell us how we did."),
    }


def _strings(language: str, consultation, run) -> dict[str, str]:
    """Source text (default language) -> text in `language`, for every string the demo pages
    hold: titles, introductions, theme headings and what we did."""
    source = Locale.get_default().language_code
    pairs: dict[str, str] = {}
    for texts in (page_titles, intro_texts, what_we_did_texts):
        with translation.override(source):
            originals = texts()
        with translation.override(language):
            translated = texts()
        pairs.update({originals[k]: translated[k] for k in originals})
    names = codebook_names(consultation=consultation)
    for theme in Theme.objects.filter(run=run, kind=Theme.Kind.CODEBOOK):
        local = names.get(theme.key, {})
        if local.get(source) and local.get(language):
            pairs[local[source]] = local[language]
        pairs.setdefault(theme.name, local.get(language) or theme.name)
    return pairs


def translate(page, locale: Locale, pairs: dict[str, str]) -> None:
    """Translate a page through wagtail-localize's PO import, as a city's translators would."""
    source, _created = TranslationSource.update_or_create_from_instance(page)
    target, _created = Translation.objects.get_or_create(
        source=source, target_locale=locale, defaults={"enabled": True}
    )
    po = target.export_po()
    for entry in po:
        if not entry.obsolete:
            entry.msgstr = pairs.get(entry.msgid, entry.msgid)
    target.import_po(po, tool_name="seed_demo")
    target.save_target(publish=True)


def seed_demo_data(*, consultation, right_key) -> str:
    """`consultation` is the demo consultation in the default language; `right_key` turns a
    demo right's name ("timely-reply") into its block id."""
    default = Locale.get_default()
    if consultation is None:
        return "no demo consultation"
    run = (
        AnalysisRun.objects.filter(consultation=consultation, approved_at__isnull=False)
        .order_by("-pk")
        .first()
    )
    if run is None:
        run = analysis_run_create(consultation=consultation, enqueue=False)
        if not run.input_ids:
            run.delete()
            return "no comments or survey answers to analyse yet"
        analysis_run_execute(run_id=run.pk)
        run = run_approve(run=run, user=None)
    draft = newest_draft(consultation)
    texts = what_we_did_texts()
    links = {right_key(key): (themes, texts[key]) for key, themes in DEMO_LINKS.items()}
    with transaction.atomic():
        pages = public_pages_create(
            consultation=consultation, run=run, draft=draft, links=links, publish=True
        )
    created = 0
    locales = {code: Locale.objects.get(language_code=code) for code in LANGUAGE_CODES}
    for code, locale in locales.items():
        if locale == default:
            continue
        pairs = _strings(code, consultation, run)
        for page in pages.values():
            if not page.get_translations().filter(locale=locale).exists():
                translate(page, locale, pairs)
                created += 1
    return f"run {run.pk} approved; 3 public pages, {created} new translations"
