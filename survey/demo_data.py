"""Demo survey for `manage.py seed_demo`: the Bill of Rights survey under the demo consultation
in all nine languages (translated through wagtail-localize's PO import, as translators work), and
a few hundred responses written for the demo. Seeded random, so every run builds the same data;
running it again adds nothing."""

import json
import random
import uuid
from datetime import date, timedelta
from importlib import resources

from django.db import transaction
from django.utils import timezone
from wagtail.models import Locale, Page, Site
from wagtail_localize.models import Translation, TranslationSource
from wagtail_localize.strings import extract_strings

from config.languages import LANGUAGE_CODES
from participation.channels import Channel
from survey.models import SurveyField, SurveyPage, SurveyResponse

SOURCE_LANGUAGE = "en"
SURVEY_SLUG = "survey"
FIELD_KEY_NAMESPACE = uuid.UUID("0b8f3a5e-8c55-4c3b-9a55-3f3f0d6e9b21")
DEMO_RECEIPT_PREFIX = "DEMO"
SEED = 20260401
# Responses per language: at least 300 in all, in every language.
RESPONSES = {
    "en": 110,
    "es": 55,
    "zh-hans": 35,
    "ko": 35,
    "vi": 30,
    "ru": 20,
    "so": 15,
    "tl": 15,
    "am": 15,
}

# (content key, stable answer key, type, required, allow "Other"): every question type.
STRUCTURE = [
    ("views", "section_views", "section", False, False),
    ("meaning", "customer_service_meaning", "multiline", True, False),
    ("include", "bill_of_rights_include", "multiline", False, False),
    ("contact", "section_contact", "section", False, False),
    ("single_number", "single_number", "likert", True, False),
    ("channels", "contact_channels", "checkboxes", False, True),
    ("contacts_count", "contacts_past_year", "number", False, False),
    ("last_contact", "last_contact_date", "date", False, False),
    ("satisfaction", "satisfaction", "rating", True, False),
    ("what_went_wrong", "what_went_wrong", "multiline", False, False),
    ("priorities", "service_priorities", "ranking", False, False),
    ("statements", "service_statements", "matrix", False, False),
    ("about", "section_about", "section", False, False),
    ("district", "district", "dropdown", False, False),
    ("neighbourhood", "neighbourhood", "singleline", False, False),
    ("age", "age_band", "radio", False, False),
    ("home_language", "home_language", "dropdown", False, False),
    ("follow_up", "follow_up_email", "email", False, False),
]
# A conditional question: asked only of respondents who gave the city a low score.
CONDITIONS = {"what_went_wrong": ("satisfaction", ("0", "1", "2", "3", "4"))}
LOW_SCORE = 4
OTHER_CHANNELS = {
    "en": ["Text message", "A letter", "At a council meeting"],
    "es": ["Mensaje de texto", "Una carta"],
}


def load_content(language: str) -> dict:
    text = resources.files("survey").joinpath(f"demo_content/{language}.json").read_text("utf-8")
    return json.loads(text)


def field_translation_key(key: str) -> uuid.UUID:
    return uuid.uuid5(FIELD_KEY_NAMESPACE, key)


def _fields(content: dict) -> list[SurveyField]:
    fields = []
    for order, (key, clean_name, field_type, required, allow_other) in enumerate(STRUCTURE):
        spec = content["fields"][key]
        condition_field, condition_values = CONDITIONS.get(key, ("", ()))
        fields.append(
            SurveyField(
                sort_order=order,
                translation_key=field_translation_key(key),
                clean_name=clean_name,
                field_type=field_type,
                label=spec["label"],
                help_text=spec.get("help_text", ""),
                choices="\n".join(spec.get("choices", [])),
                statements="\n".join(spec.get("statements", [])),
                required=required,
                allow_other=allow_other,
                condition_field=condition_field,
                condition_values="\n".join(condition_values),
            )
        )
    return fields


def _paragraphs(html: str) -> list[str]:
    _template, strings = extract_strings(html)
    return [string.data for string, _attrs in strings]


def _strings_by_context(source: dict, target: dict) -> dict[tuple[str, str], str]:
    """(PO context, source text) -> translation, for the page and each question."""
    pairs = {("title", source["title"]): target["title"]}
    for name, content_key in (("intro", "intro"), ("thank_you_text", "thank_you")):
        for english, translated in zip(
            _paragraphs(source[content_key]), _paragraphs(target[content_key]), strict=True
        ):
            pairs[(name, english)] = translated
    for key, *_rest in STRUCTURE:
        prefix = f"form_fields.{field_translation_key(key)}"
        english, translated = source["fields"][key], target["fields"][key]
        pairs[(f"{prefix}.label", english["label"])] = translated["label"]
        if english.get("help_text"):
            pairs[(f"{prefix}.help_text", english["help_text"])] = translated["help_text"]
        for lines in ("choices", "statements"):
            for index, line in enumerate(english.get(lines, [])):
                pairs[(f"{prefix}.{lines}.{index}", line)] = translated[lines][index]
    return pairs


def translate_survey(page: SurveyPage, locale: Locale, source: dict, target: dict) -> None:
    source_record, _created = TranslationSource.update_or_create_from_instance(page)
    translation, _created = Translation.objects.get_or_create(
        source=source_record, target_locale=locale, defaults={"enabled": True}
    )
    pairs = _strings_by_context(source, target)
    po = translation.export_po()
    for entry in po:
        if not entry.obsolete:
            entry.msgstr = pairs.get((entry.msgctxt, entry.msgid), "") or entry.msgstr
    translation.import_po(po, tool_name="seed_demo")
    translation.save_target(publish=True)


def _ensure_survey(consultation, source: dict) -> SurveyPage:
    existing = SurveyPage.objects.child_of(consultation).filter(slug=SURVEY_SLUG).first()
    if existing is not None:
        return existing
    page = SurveyPage(
        title=source["title"],
        slug=SURVEY_SLUG,
        intro=source["intro"],
        thank_you_text=source["thank_you"],
        form_fields=_fields(source),
    )
    consultation.add_child(instance=page)
    page.save_revision().publish()
    return page


def _sentences(rng: random.Random, options: list[str]) -> str:
    count = 1 if rng.random() < 0.6 or len(options) < 2 else 2
    return " ".join(rng.sample(options, count))


def _contact_answers(rng: random.Random, options: dict, content: dict) -> dict:
    """Number, date, ranking and matrix answers, and the follow-up only a low score asks."""
    satisfaction = rng.choices(range(11), weights=[2, 2, 4, 6, 8, 12, 14, 16, 16, 11, 9])[0]
    answers = {"satisfaction": satisfaction}
    if satisfaction <= LOW_SCORE and rng.random() < 0.8:
        answers["what_went_wrong"] = _sentences(rng, content["answers"]["include"])
    if rng.random() < 0.6:
        answers["contacts_past_year"] = rng.choice([0, 1, 1, 2, 2, 3, 4, 6, 10])
    if rng.random() < 0.5:
        days = rng.randint(3, 300)
        answers["last_contact_date"] = (date(2026, 3, 1) - timedelta(days=days)).isoformat()
    if rng.random() < 0.65:
        answers["service_priorities"] = rng.sample(
            options["service_priorities"], len(options["service_priorities"])
        )
    if rng.random() < 0.7:
        answers["service_statements"] = {
            key: rng.choices([1, 2, 3, 4, 5], weights=[8, 16, 22, 34, 20])[0]
            for key in options["service_statements"]
        }
    return answers


def _answers(rng: random.Random, survey: SurveyPage, language: str, content: dict) -> dict:
    """One plausible response: written answers in the respondent's language, a positive lean
    on the single number, and demographics often skipped or declined."""
    options = {
        field.key: [key for key, _label in field.options() or field.statement_pairs()]
        for field in survey.questions()
    }
    answers = {
        "customer_service_meaning": _sentences(rng, content["answers"]["meaning"]),
        "single_number": rng.choices([1, 2, 3, 4, 5], weights=[5, 9, 16, 30, 40])[0],
    }
    if rng.random() < 0.7:
        answers["bill_of_rights_include"] = _sentences(rng, content["answers"]["include"])
    answers.update(_contact_answers(rng, options, content))
    channels = options["contact_channels"]
    if rng.random() < 0.08:
        answers["contact_channels"] = [channels[-1]]
    else:
        picked = rng.sample(channels[:-1], rng.choice([1, 1, 2, 2, 3]))
        if language in OTHER_CHANNELS and rng.random() < 0.06:
            picked.append("other")
            answers["contact_channels__other"] = rng.choice(OTHER_CHANNELS[language])
        answers["contact_channels"] = [key for key in channels + ["other"] if key in picked]
    if rng.random() < 0.8:
        districts = options["district"]
        answers["district"] = districts[-1] if rng.random() < 0.1 else rng.choice(districts[:7])
    if rng.random() < 0.75:
        answers["age_band"] = rng.choices(
            options["age_band"], weights=[2, 10, 20, 20, 17, 15, 12, 4]
        )[0]
    if rng.random() < 0.7:
        home = options["home_language"]
        spoken = LANGUAGE_CODES.index(language)
        answers["home_language"] = home[spoken] if rng.random() < 0.8 else rng.choice(home)
    return answers


def _seed_responses(survey: SurveyPage, pages_by_language: dict, now) -> int:
    if SurveyResponse.objects.filter(
        page=survey, receipt_code__startswith=DEMO_RECEIPT_PREFIX
    ).exists():
        return 0
    rng = random.Random(SEED)
    consultation = survey.get_parent()
    created = []
    number = 0
    for language, count in RESPONSES.items():
        content = load_content(language)
        locale = pages_by_language[language].locale
        for _index in range(count):
            number += 1
            channel = rng.choices(
                [Channel.WEB, Channel.MAIL, Channel.PHONE, Channel.IN_PERSON],
                weights=[80, 10, 6, 4],
            )[0]
            created.append(
                SurveyResponse(
                    page=survey,
                    form_data=_answers(rng, survey, language, content),
                    locale=locale,
                    consultation=consultation,
                    channel=channel,
                    receipt_code=f"{DEMO_RECEIPT_PREFIX}{number:06d}",
                )
            )
    SurveyResponse.objects.bulk_create(created)
    saved = list(
        SurveyResponse.objects.filter(page=survey, receipt_code__startswith=DEMO_RECEIPT_PREFIX)
    )
    for response in saved:
        minutes = rng.randint(0, 14 * 24 * 60)
        response.submit_time = now - timedelta(minutes=minutes)
    SurveyResponse.objects.bulk_update(saved, ["submit_time"])
    return len(saved)


def seed_demo_data(*, now=None) -> str:
    """Add the Bill of Rights survey in nine languages and its demo responses."""
    from consultation.demo import CONSULTATION_SLUG

    now = now or timezone.now()
    with transaction.atomic():
        consultation = Page.objects.filter(
            slug=CONSULTATION_SLUG, locale__language_code=SOURCE_LANGUAGE
        ).first()
        if consultation is None:
            return "no demo consultation: run the consultation demo first"
        source = load_content(SOURCE_LANGUAGE)
        survey = _ensure_survey(consultation.specific, source)
        translated = 0
        for code in LANGUAGE_CODES:
            if code == SOURCE_LANGUAGE:
                continue
            locale = Locale.objects.get(language_code=code)
            if survey.get_translations().filter(locale=locale).exists():
                continue
            translate_survey(survey, locale, source, load_content(code))
            translated += 1
    if translated:
        # As in consultation.demo: translations publish after commit; recount the tree.
        Page.fix_tree(fix_paths=False)
        Site.clear_site_root_paths_cache()
    with transaction.atomic():
        pages = {
            page.locale.language_code: page
            for page in survey.get_translations(inclusive=True).select_related("locale")
        }
        added = _seed_responses(survey, pages, now)
    total = SurveyResponse.objects.filter(page=survey).count()
    return (
        f"survey in {len(pages)} languages ({translated} new translations), "
        f"{added} demo responses added, {total} in all"
    )
