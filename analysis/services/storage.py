"""Store an engine result: the items as the run saw them, themes with their summaries, and
every machine assignment, in bulk so a 100k-comment run stays a handful of queries."""

from django.utils.text import slugify

from analysis.models.runs import AnalysisItem
from analysis.models.themes import Theme, ThemeAssignment

BATCH = 2000


def _summary_json(summary) -> dict:
    return {
        "sentences": [{"text": s.text, "item_ids": list(s.item_ids)} for s in summary.sentences],
        "quotes": [
            {"item_id": q.item_id, "text": q.text, "language": q.language or ""}
            for q in summary.quotes
        ],
        "total": summary.total,
    }


def _form_stance_counts(result) -> dict[str, dict[str, int]]:
    """Per theme, what residents said on the form (agree, disagree, unsure, none). The engine's
    English-only text sentiment is stored per item but never mixed into these counts."""
    stance = {s.item_id: s.stance for s in result.stances if s.source == "form" and s.stance}
    members: dict[str, set[str]] = {}
    for assignment in result.assignments:
        members.setdefault(assignment.theme_key, set()).add(assignment.item_id)
    for emergent in result.emergent_themes:
        members.setdefault(emergent.key, set()).update(emergent.item_ids)
    counts = {}
    for key, item_ids in members.items():
        tally: dict[str, int] = {}
        for item_id in item_ids:
            label = stance.get(item_id, "none")
            tally[label] = tally.get(label, 0) + 1
        counts[key] = tally
    return counts


def _store_items(run, items, result) -> None:
    stances = {s.item_id: s for s in result.stances}
    duplicate_of = {}
    for group in result.duplicate_groups:
        for item_id in group.item_ids:
            duplicate_of[item_id] = group.exemplar_id
    rows = []
    for item in items:
        ref = item.ref
        guess = result.languages.get(ref)
        stance = stances.get(ref)
        rows.append(
            AnalysisItem(
                run=run,
                content_type_id=item.content_type_id,
                object_id=item.object_id,
                field_key=item.field_key,
                ref=ref,
                language=(guess.code if guess and guess.code else item.language) or "",
                declared_language=item.language or "",
                stance=(stance.stance if stance and stance.source == "form" else "") or "",
                stance_source=stance.source if stance else "",
                sentiment=stance.sentiment if stance else None,
                channel=item.facts.get("channel", ""),
                district=item.facts.get("district", ""),
                right_key=item.facts.get("right_key", ""),
                question=item.facts.get("question", ""),
                meeting=item.facts.get("meeting", ""),
                created=item.created,
                duplicate_group=duplicate_of.get(ref, ""),
                is_duplicate_exemplar=duplicate_of.get(ref) == ref,
                text=item.text,
            )
        )
    AnalysisItem.objects.bulk_create(rows, batch_size=BATCH)


def _store_themes(run, codebook, result) -> dict[str, Theme]:
    summaries = {s.theme_key: s for s in result.summaries}
    stances = _form_stance_counts(result)
    themes = []
    for entry in codebook:
        summary = summaries.get(entry.key)
        themes.append(
            Theme(
                run=run,
                key=entry.key,
                kind=Theme.Kind.CODEBOOK,
                state=Theme.State.APPROVED,
                name=entry.name,
                machine_name=entry.name,
                slug=slugify(entry.key)[:200],
                description=entry.description,
                principle=entry.principle or "",
                key_phrases=summary.key_phrases if summary else [],
                item_count=summary.count if summary else 0,
                stance_counts=stances.get(entry.key, {}),
                language_counts=summary.language_counts if summary else {},
                summary=_summary_json(summary) if summary else {},
            )
        )
    for emergent in result.emergent_themes:
        summary = summaries.get(emergent.key)
        themes.append(
            Theme(
                run=run,
                key=emergent.key,
                kind=Theme.Kind.EMERGENT,
                state=Theme.State.PROPOSED,
                name=emergent.label[:200],
                machine_name=emergent.label[:200],
                slug=slugify(emergent.key)[:200],
                language=emergent.language or "",
                labels={lang: label[:200] for lang, label in (emergent.labels or {}).items()},
                linked_key=emergent.linked_key or "",
                key_phrases=emergent.key_phrases,
                item_count=summary.count if summary else len(emergent.item_ids),
                stance_counts=stances.get(emergent.key, {}),
                language_counts=emergent.language_counts
                or (summary.language_counts if summary else {}),
                summary=_summary_json(summary)
                if summary
                else {"representative_ids": list(emergent.representative_ids)},
            )
        )
    Theme.objects.bulk_create(themes, batch_size=BATCH)
    return {theme.key: theme for theme in Theme.objects.filter(run=run)}


def _store_assignments(run, items, result, themes: dict[str, Theme]) -> None:
    by_ref = {item.ref: item for item in items}
    rows = []
    seen = set()
    for assignment in result.assignments:
        item, theme = by_ref.get(assignment.item_id), themes.get(assignment.theme_key)
        if item is None or theme is None:
            continue
        seen.add((assignment.item_id, assignment.theme_key))
        rows.append(
            ThemeAssignment(
                tag=theme,
                run=run,
                content_type_id=item.content_type_id,
                object_id=item.object_id,
                field_key=item.field_key,
                source=ThemeAssignment.Source.MACHINE,
                confidence=assignment.confidence,
                needs_review=assignment.needs_review,
                why=list(assignment.why),
            )
        )
    for emergent in result.emergent_themes:
        theme = themes[emergent.key]
        for item_id in emergent.item_ids:
            item = by_ref.get(item_id)
            if item is None or (item_id, emergent.key) in seen:
                continue
            rows.append(
                ThemeAssignment(
                    tag=theme,
                    run=run,
                    content_type_id=item.content_type_id,
                    object_id=item.object_id,
                    field_key=item.field_key,
                    source=ThemeAssignment.Source.MACHINE,
                    confidence=None,
                    needs_review=True,
                    why=list(emergent.key_phrases[:5]),
                )
            )
    ThemeAssignment.objects.bulk_create(rows, batch_size=BATCH)


def store_result(*, run, items, codebook, result) -> None:
    _store_items(run, items, result)
    themes = _store_themes(run, codebook, result)
    _store_assignments(run, items, result, themes)
    languages = {}
    for guess in result.languages.values():
        code = guess.code or "und"
        languages[code] = languages.get(code, 0) + 1
    run.totals = {
        "languages": languages,
        "duplicate_groups": len(result.duplicate_groups),
        "duplicates": sum(len(g.item_ids) for g in result.duplicate_groups),
        "assignments": len(result.assignments),
        "emergent_themes": len(result.emergent_themes),
        "themed_items": len({a.item_id for a in result.assignments}),
        "sentence_model": result.parameters.get("sentence_model"),
    }
