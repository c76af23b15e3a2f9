"""How far the machine's themes agree with the analysts', on the items analysts reviewed.

For each reviewed item, M is the set of themes the machine gave it and A the set the analyst
left it with (both mapped through merges). Precision is sum|M and A| / sum|M|, recall
sum|M and A| / sum|A| (micro-averaged over items), F1 their harmonic mean; overall and per
language of the item. The figures move with every review, so the panel reads them live.
"""

from collections import defaultdict

from analysis.models.reports import ItemReview
from analysis.models.runs import AnalysisItem, AnalysisRun
from analysis.reports.effective import (
    analyst_decisions,
    apply_decisions,
    machine_themes,
    theme_targets,
)


def _scores(matched: int, machine: int, analyst: int, items: int) -> dict:
    precision = matched / machine if machine else None
    recall = matched / analyst if analyst else None
    if precision is not None and recall is not None and precision + recall:
        f1 = 2 * precision * recall / (precision + recall)
    elif precision == 0 or recall == 0:
        f1 = 0.0
    else:
        f1 = None
    return {
        "items": items,
        "matched": matched,
        "machine": machine,
        "analyst": analyst,
        "precision": precision,
        "recall": recall,
        "f1": f1,
    }


def agreement(*, run: AnalysisRun) -> dict:
    """Overall and per-language precision, recall and F1 of machine against analyst."""
    reviewed_ids = set(ItemReview.objects.filter(run=run).values_list("item_id", flat=True))
    items = AnalysisItem.objects.filter(pk__in=reviewed_ids).values_list(
        "content_type_id", "object_id", "field_key", "language"
    )
    languages = {(ct, oid, fk): lang or "und" for ct, oid, fk, lang in items}
    targets = theme_targets(run=run)
    by_type: dict[int, list[int]] = defaultdict(list)
    for ct, oid, _fk in languages:
        by_type[ct].append(oid)
    machine: dict = {}
    decisions = []
    for ct, object_ids in by_type.items():
        item_filter = {"content_type_id": ct, "object_id__in": object_ids}
        machine.update(machine_themes(run=run, targets=targets, item_filter=item_filter))
        decisions.extend(analyst_decisions(run=run, item_filter=item_filter))
    analyst = apply_decisions({k: set(v) for k, v in machine.items()}, decisions, targets)
    totals = defaultdict(lambda: [0, 0, 0, 0])
    for key, language in languages.items():
        m, a = machine.get(key, set()), analyst.get(key, set())
        for bucket in ("__all__", language):
            row = totals[bucket]
            row[0] += len(m & a)
            row[1] += len(m)
            row[2] += len(a)
            row[3] += 1
    overall = _scores(*totals.pop("__all__", [0, 0, 0, 0]))
    per_language = {lang: _scores(*row) for lang, row in sorted(totals.items())}
    corrections = sum(ItemReview.objects.filter(run=run).values_list("corrections", flat=True))
    return {"overall": overall, "languages": per_language, "corrections": corrections}
