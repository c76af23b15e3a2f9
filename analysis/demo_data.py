"""Demo analysis for `manage.py seed_demo`: analyse the demo comments and survey answers, have
a demo analyst review enough items by hand, approve and publish the results, and publish "What
we heard", "You said, we did" (Draft 2's changed rights linked to the themes behind them) and
the method note in all nine languages. Example population shares, marked as examples, give the
equity view something to compare with."""

import os

from django.conf import settings
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.db import transaction
from django.utils import translation
from django.utils.translation import gettext as _
from wagtail.models import Locale
from wagtail_localize.models import Translation, TranslationSource

from analysis.models.publications import PublishedResult
from analysis.models.reports import ItemReview, PopulationShare
from analysis.models.runs import AnalysisItem, AnalysisRun
from analysis.models.themes import Theme
from analysis.selectors.themes import codebook_names
from analysis.services import analysis_run_create, analysis_run_execute
from analysis.services.public_pages import intro_texts, page_titles, public_pages_create
from analysis.services.publication import results_publish
from analysis.services.review import item_review_save, item_themes, run_approve
from config.languages import LANGUAGE_CODES
from consultation.selectors.drafts import newest_draft
from participation.roles import ROLE_GROUPS

DEMO_ANALYST = "analyst"
# Made-up shares of the city's population, marked as examples on the equity view.
EXAMPLE_SHARES = {
    "language": {"en": 52, "es": 14, "zh-hans": 8, "ko": 7, "vi": 6, "ru": 4, "so": 3, "tl": 3},
    "district": {f"district_{n}": share for n, share in enumerate([16, 14, 15, 13, 14, 15, 13], 1)},
}

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


def demo_analyst():
    """The analyst the demo's reviews are recorded against (login printed by seed_demo)."""
    user, created = get_user_model().objects.get_or_create(
        username=DEMO_ANALYST, defaults={"is_staff": True}
    )
    if created:
        user.set_password(os.environ.get("DEMO_ANALYST_PASSWORD", "demo-analyst-2026"))
        user.save()
    group, _created = Group.objects.get_or_create(name=ROLE_GROUPS["analyst"])
    user.groups.add(group)
    return user


@transaction.atomic
def demo_reviews(*, run: AnalysisRun, user, count: int) -> int:
    """An analyst goes through `count` items spread over every language: most of the machine's
    themes are kept, some dropped, and now and then a theme the machine missed is added."""
    done = ItemReview.objects.filter(run=run).values("item_id").distinct().count()
    if done >= count:
        return 0
    themes = list(
        Theme.objects.filter(run=run, state=Theme.State.APPROVED).values_list("pk", flat=True)
    )
    items = list(AnalysisItem.objects.filter(run=run).order_by("language", "pk"))
    step = max(1, len(items) // count)
    reviewed = 0
    for number, item in enumerate(items[::step][:count]):
        _machine, current = item_themes(item=item)
        chosen = set(current)
        if number % 5 == 1 and len(chosen) > 1:
            chosen.discard(min(chosen))
        if number % 7 == 3 and themes:
            chosen.add(themes[number % len(themes)])
        item_review_save(item=item, theme_ids=chosen, user=user)
        reviewed += 1
    return reviewed


def example_population_shares(*, consultation) -> int:
    """Example shares for a consultation that has none, each marked as an example."""
    if PopulationShare.objects.filter(consultation=consultation).exists():
        return 0
    rows = [
        PopulationShare(
            consultation=consultation,
            dimension=dimension,
            value=value,
            percent=percent,
            is_example=True,
        )
        for dimension, shares in EXAMPLE_SHARES.items()
        for value, percent in shares.items()
    ]
    PopulationShare.objects.bulk_create(rows)
    return len(rows)


def _reviewed_and_published(*, consultation) -> AnalysisRun | None:
    """The demo's approved run, reviewed by the demo analyst and published (once)."""
    run = (
        AnalysisRun.objects.filter(consultation=consultation, approved_at__isnull=False)
        .order_by("-pk")
        .first()
    )
    if run is None:
        run = analysis_run_create(consultation=consultation, enqueue=False)
        if not run.input_ids:
            run.delete()
            return None
        analysis_run_execute(run_id=run.pk)
    analyst = demo_analyst()
    demo_reviews(run=run, user=analyst, count=settings.PUBLICATION_MIN_REVIEWED + 10)
    run = run_approve(run=run, user=analyst)
    if not PublishedResult.objects.filter(consultation=consultation).exists():
        results_publish(run=run, user=analyst)
    example_population_shares(consultation=consultation)
    return run


def seed_demo_data(*, consultation, right_key) -> str:
    """`consultation` is the demo consultation in the default language; `right_key` turns a
    demo right's name ("timely-reply") into its block id."""
    default = Locale.get_default()
    if consultation is None:
        return "no demo consultation"
    run = _reviewed_and_published(consultation=consultation)
    if run is None:
        return "no comments or survey answers to analyse yet"
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
    reviews = ItemReview.objects.filter(run=run).count()
    return (
        f"run {run.pk} approved, {reviews} items reviewed by '{DEMO_ANALYST}', results published;"
        f" 3 public pages, {created} new translations"
    )
