"""Report figures computed once per run (and again after analysts change something), so the
report page reads one stored row however many comments there are."""

import hashlib
import time
from urllib.parse import urlencode

from django.core.cache import cache
from django.db import transaction

from analysis.models import AnalysisRun, ReportSnapshot
from analysis.reports.agreement import agreement
from analysis.reports.figures import ReportFilters, compute_figures

FILTERED_CACHE_SECONDS = 600


def snapshot_refresh(*, run: AnalysisRun) -> ReportSnapshot:
    """Compute and store the unfiltered figures and the agreement figures of a run."""
    version = AnalysisRun.objects.filter(pk=run.pk).values_list("review_version", flat=True)[0]
    started = time.perf_counter()
    figures = compute_figures(run=run)
    figures["agreement"] = agreement(run=run)
    seconds = time.perf_counter() - started
    with transaction.atomic():
        snapshot, _created = ReportSnapshot.objects.update_or_create(
            run=run, defaults={"figures": figures, "version": version, "seconds": seconds}
        )
    return snapshot


def report_figures(*, run: AnalysisRun, filters: ReportFilters | None = None) -> dict:
    """The figures for a report request: the stored snapshot when unfiltered (recomputed if
    analysts changed something since), otherwise computed and cached for a while."""
    filters = filters or ReportFilters()
    if filters.active:
        query = urlencode(sorted(filters.as_query().items()))
        digest = hashlib.sha256(query.encode()).hexdigest()[:32]
        key = f"analysis-report:{run.pk}:{run.review_version}:{digest}"
        figures = cache.get(key)
        if figures is None:
            figures = compute_figures(run=run, filters=filters)
            cache.set(key, figures, FILTERED_CACHE_SECONDS)
        return figures
    snapshot = ReportSnapshot.objects.filter(run=run).first()
    if snapshot is None or snapshot.version != run.review_version:
        snapshot = snapshot_refresh(run=run)
    return snapshot.figures
