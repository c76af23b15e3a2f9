"""Demo content for `manage.py seed_demo`: a Seattle-style consultation with two drafts of the
Customer Bill of Rights in nine languages. Translations go through wagtail-localize's own PO
import, the same offline path a city's translators use, so the demo exercises the real workflow.
"""

import json
import uuid
from datetime import timedelta
from importlib import resources

from django.db import transaction
from django.utils import timezone
from wagtail.models import Locale, Page, Site
from wagtail_localize.models import StringSegment, Translation, TranslationSource
from wagtail_localize.strings import extract_strings

from config.languages import LANGUAGE_CODES
from consultation.meetings.demo import seed_meetings
from consultation.models import BillOfRightsDraftPage, ConsultationPage, HomePage

SOURCE_LANGUAGE = "en"
RIGHT_KEY_NAMESPACE = uuid.UUID("6f1f3a52-5c1e-4c1a-9f5e-2b6c8f0d7a11")
CONSULTATION_SLUG = "customer-bill-of-rights"


def load_content(language: str) -> dict:
    text = (
        resources.files("consultation")
        .joinpath(f"demo_content/{language}.json")
        .read_text(encoding="utf-8")
    )
    return json.loads(text)


def load_structure() -> dict:
    text = (
        resources.files("consultation")
        .joinpath("demo_content/structure.json")
        .read_text(encoding="utf-8")
    )
    return json.loads(text)


def right_block_id(key: str) -> str:
    """Deterministic block ids keep the demo idempotent and let tests name a right."""
    return str(uuid.uuid5(RIGHT_KEY_NAMESPACE, key))


def _rights_for(version: str, content: dict, structure: dict) -> dict[str, dict]:
    rights = dict(content["rights"])
    if version == "draft2":
        rights.update(content["rights_draft2"])
    return rights


def _body(version: str, content: dict, structure: dict) -> list[dict]:
    rights = _rights_for(version, content, structure)
    return [
        {
            "type": "right",
            "id": right_block_id(item["key"]),
            "value": {"principle": item["principle"], **rights[item["key"]]},
        }
        for item in structure[version]
    ]


def _field_values(page, content: dict, structure: dict) -> dict[str, str]:
    """Map each translatable field of a page to its text in one language."""
    if isinstance(page, HomePage):
        return {"title": content["home"]["title"], "intro": content["home"]["intro_html"]}
    if isinstance(page, ConsultationPage):
        section = content["consultation"]
        return {"title": section["title"], "intro": section["intro_html"]}
    version = f"draft{page.version_number}"
    section = content[version]
    values = {
        "title": section["title"],
        "summary": section["summary"],
        "change_note": section["change_note"],
    }
    for block in _body(version, content, structure):
        for name in ("title", "statement", "commitment"):
            values[f"body.{block['id']}.{name}"] = block["value"][name]
    return values


def _html_strings(html: str) -> list[str]:
    _template, strings = extract_strings(html)
    return [string.data for string, _attrs in strings]


def _translations_by_context(source_values: dict, target_values: dict) -> dict:
    """Pair source and target strings per context; rich text is split the way
    wagtail-localize splits it, paragraph by paragraph in document order."""
    pairs = {}
    for context, source_text in source_values.items():
        target_text = target_values.get(context, "")
        if context == "intro":
            pairs[context] = dict(
                zip(_html_strings(source_text), _html_strings(target_text), strict=True)
            )
        else:
            pairs[context] = {source_text: target_text}
    return pairs


def translate_page(page, locale: Locale, content: dict, source_content: dict, structure: dict):
    """Create or refresh one translation of a page and publish it."""
    source, _created = TranslationSource.update_or_create_from_instance(page)
    translation, _created = Translation.objects.get_or_create(
        source=source, target_locale=locale, defaults={"enabled": True}
    )
    pairs = _translations_by_context(
        _field_values(page, source_content, structure), _field_values(page, content, structure)
    )
    po = translation.export_po()
    for entry in po:
        if entry.obsolete:
            continue
        context = entry.msgctxt
        field = context if context in pairs else context.split(".")[0]
        entry.msgstr = pairs.get(field, {}).get(entry.msgid, "") or entry.msgstr
    translation.import_po(po, tool_name="seed_demo")
    translation.save_target(publish=True)
    return page.get_translation(locale)


def _ensure_locales() -> dict[str, Locale]:
    return {code: Locale.objects.get_or_create(language_code=code)[0] for code in LANGUAGE_CODES}


def _ensure_home(locale: Locale, content: dict) -> HomePage:
    home = HomePage.objects.filter(locale=locale).first()
    if home is not None:
        return home
    root = Page.get_first_root_node()
    if root is None:  # a flushed database has no tree at all
        root = Page.add_root(instance=Page(title="Root", slug="root", locale=locale))
    home = HomePage(
        title=content["home"]["title"],
        slug="home",
        intro=content["home"]["intro_html"],
        locale=locale,
    )
    # Wagtail's starter page takes the slug "home"; the site moves to ours and it is removed.
    for starter in Page.objects.child_of(root).filter(slug="home").not_type(HomePage):
        starter.delete()
    root.add_child(instance=home)
    home.save_revision().publish()
    site = Site.objects.filter(is_default_site=True).first()
    if site is None:
        Site.objects.create(
            hostname="localhost",
            root_page=home,
            is_default_site=True,
            site_name="Customer Bill of Rights",
        )
    else:
        site.root_page = home
        site.save()
    return home


def _ensure_child(parent, model, slug: str, **fields):
    existing = model.objects.child_of(parent).filter(slug=slug).first()
    if existing is not None:
        return existing
    page = model(slug=slug, **fields)
    parent.add_child(instance=page)
    revision = page.save_revision()
    revision.publish()
    return page


def seed_demo(*, now=None) -> dict:
    """Create the demo consultation and both drafts in every language; running it again
    changes nothing that is already there."""
    with transaction.atomic():
        result = _seed(now or timezone.now())
    if result["translations"]:
        # wagtail-localize publishes each new translation after commit, from an object loaded
        # before its children existed, so one seeding transaction leaves parents with a zero
        # child count and Wagtail's router 404s below /ko/. Recount from the tree paths.
        Page.fix_tree(fix_paths=False)
        # New translations of the site's root page add root paths that Wagtail caches.
        Site.clear_site_root_paths_cache()
    return result


def _seed(now) -> dict:
    structure = load_structure()
    locales = _ensure_locales()
    source = load_content(SOURCE_LANGUAGE)
    home = _ensure_home(locales[SOURCE_LANGUAGE], source)
    consultation = _ensure_child(
        home,
        ConsultationPage,
        CONSULTATION_SLUG,
        title=source["consultation"]["title"],
        intro=source["consultation"]["intro_html"],
        opens_at=now - timedelta(days=14),
        closes_at=now + timedelta(days=60),
    )
    drafts = []
    for number in (1, 2):
        version = f"draft{number}"
        drafts.append(
            _ensure_child(
                consultation,
                BillOfRightsDraftPage,
                f"draft-{number}",
                title=source[version]["title"],
                version_number=number,
                summary=source[version]["summary"],
                change_note=source[version]["change_note"],
                body=_body(version, source, structure),
            )
        )
    created = 0
    for code, locale in locales.items():
        if code == SOURCE_LANGUAGE:
            continue
        content = load_content(code)
        for page in (home, consultation, *drafts):
            if page.get_translations().filter(locale=locale).exists():
                continue
            translate_page(page, locale, content, source, structure)
            created += 1
    meetings, translated = seed_meetings(consultation=consultation, locales=locales, now=now)
    return {
        "home": home,
        "consultation": consultation,
        "drafts": drafts,
        "meetings": meetings,
        "translations": created + translated,
    }


def untranslated_strings(page, locale: Locale) -> int:
    """How many strings of a page still lack a translation in a locale (used by checks)."""
    source = TranslationSource.objects.get_for_instance_or_none(page)
    if source is None:
        return 0
    segments = StringSegment.objects.filter(source=source).annotate_translation(locale)
    return sum(1 for segment in segments if not segment.translation)
