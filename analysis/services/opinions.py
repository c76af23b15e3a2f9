"""Opinion groups from statement votes: the background task gathers a consultation's votes
(through consultation's selectors), hands them to the engine (analysis/engine/opinions) and
stores the result as plain JSON. Votes ask for a refresh; refreshes close together run once."""

from __future__ import annotations

import time
import traceback
from datetime import timedelta

from django.conf import settings
from django.core.cache import cache
from django.db import transaction
from django.utils import timezone
from django_tasks import task

from analysis.engine.opinions import ParticipantAttributes, Vote
from analysis.models.opinions import OpinionSnapshot
from consultation.selectors.statements import consultation_votes

QUEUED_KEY = "opinions:queued:{key}"


def _comparison(comparison) -> dict:
    return {
        "groups": list(comparison.groups),
        "sizes": dict(comparison.sizes),
        "table": [
            {
                "statement": row.statement_id,
                "counts": {k: [c.agree, c.disagree, c.passed] for k, c in row.counts.items()},
                "total": [row.total.agree, row.total.disagree, row.total.passed],
            }
            for row in comparison.table
        ],
        "consensus": [
            {
                "statement": c.statement_id,
                "score": round(c.score, 6),
                "probabilities": {k: round(p, 4) for k, p in c.agree_probabilities.items()},
                "majority": c.majority_in_every_group,
            }
            for c in comparison.consensus
        ],
        "divisive": [
            {
                "statement": d.statement_id,
                "spread": round(d.spread, 4),
                "most": d.most_agreeing,
                "least": d.least_agreeing,
                "z": round(d.z, 3),
            }
            for d in comparison.divisive
        ],
    }


def result_figures(result) -> dict:
    """The engine's result as JSON: the map, the groups and every comparison."""
    return {
        "statements": list(result.statement_ids),
        "n_votes": result.n_votes,
        "n_participants": len(result.participants),
        "n_placed": result.n_placed,
        "choice": {"k": result.choice.k, "rule": result.choice.rule},
        "points": [
            [round(p.x, 4), round(p.y, 4), p.group] for p in result.participants if p.placed
        ],
        "groups": [
            {
                "label": g.label,
                "size": g.size,
                "center": [round(v, 4) for v in g.center],
                "representative": [
                    {
                        "statement": r.statement_id,
                        "direction": r.direction,
                        "probability": round(r.probability, 4),
                        "n_success": r.n_success,
                        "n_trials": r.n_trials,
                    }
                    for r in g.representative
                ],
            }
            for g in result.groups
        ],
        "opinion": _comparison(result.opinion),
        "attributes": {kind: _comparison(c) for kind, c in result.attributes.items()},
    }


def opinions_compute(*, consultation_key) -> dict:
    """Groups and consensus from every current vote of a consultation (engine call)."""
    from analysis.engine.opinions import compute_opinions

    data = consultation_votes(consultation_key=consultation_key)
    result = compute_opinions(
        [Vote(v.participant_id, v.statement_key, v.value, v.timestamp) for v in data.votes],
        attributes=[
            ParticipantAttributes(
                p.participant_id,
                language=p.language or None,
                channel=p.channel or None,
                district=p.district or None,
            )
            for p in data.participants
        ],
        statement_ids=data.statement_keys,
        withdrawn_statements=data.withdrawn_keys,
    )
    return result_figures(result)


def opinions_refresh(*, consultation_key) -> OpinionSnapshot:
    """Recompute and store; a failure keeps the last figures and records the error."""
    cache.delete(QUEUED_KEY.format(key=consultation_key))
    started = time.perf_counter()
    try:
        figures, error = opinions_compute(consultation_key=consultation_key), ""
    except Exception:  # stored on the row for staff, never swallowed silently
        figures, error = None, traceback.format_exc(limit=5)
    with transaction.atomic():
        snapshot, _new = OpinionSnapshot.objects.select_for_update().get_or_create(
            consultation_key=consultation_key
        )
        if figures is not None:
            snapshot.figures = figures
            snapshot.n_votes = figures["n_votes"]
        snapshot.error = error
        snapshot.computed_at = timezone.now()
        snapshot.seconds = time.perf_counter() - started
        snapshot.save()
    if error:
        raise RuntimeError(error)
    return snapshot


@task()
def opinions_refresh_task(consultation_key: str) -> int:
    return opinions_refresh(consultation_key=consultation_key).n_votes


def opinions_refresh_soon(*, consultation_key) -> bool:
    """Ask for a refresh after new votes. Votes within OPINIONS_REFRESH_SECONDS of the first
    share one computation (a worker runs it that long after); True when one was queued."""
    seconds = int(getattr(settings, "OPINIONS_REFRESH_SECONDS", 10))
    if not cache.add(QUEUED_KEY.format(key=consultation_key), 1, timeout=seconds + 60):
        return False
    job = opinions_refresh_task
    if seconds and job.get_backend().supports_defer:
        job = job.using(run_after=timezone.now() + timedelta(seconds=seconds))
    job.enqueue(str(consultation_key))
    return True
