"""The figures of a run's report, read-only: the stored snapshot when it is current, otherwise
computed for this request (and kept in the cache when filtered). Storing the snapshot is the
job of the services that change what it summarises (analysis/services/snapshots.py)."""

import hashlib
from urllib.parse import urlencode

from django.core.cache import cache

from analysis.models.reports import ReportSnapshot
from analysis.models.runs import AnalysisRun
from analysis.reports.agreement import agreement
from analysis.reports.figures import ReportFilters, compute_figures

FILTERED_CACHE_SECONDS = 600


def unfiltered_figures(*, run: AnalysisRun) -> dict:
    """Everything a snapshot holds: the unfiltered figures and the agreement figures."""
    figures = compute_figures(run=run)
    figures["agreement"] = agreement(run=run)
    return figures


def _cached(run: AnalysisRun, filters: ReportFilters) -> dict:
    query = urlencode(sorted(filters.as_query().items()))
    digest = hashlib.sha256(query.encode()).hexdigest()[:32]
    key = f"analysis-report:{run.pk}:{run.review_version}:{digest}"
    figures = cache.get(key)
    if figures is None:
        if filters.active:
            figures = compute_figures(run=run, filters=filters)
        else:
            figures = unfiltered_figures(run=run)
        cache.set(key, figures, FILTERED_CACHE_SECONDS)
    return figures


def report_figures(*, run: AnalysisRun, filters: ReportFilters | None = None) -> dict:
    """The figures for a report request. Unfiltered: the snapshot when it matches the run's
    review version, else the same figures computed without storing them (a refresh is on its
    way from the service that changed the run)."""
    filters = filters or ReportFilters()
    if filters.active:
        return _cached(run, filters)
    snapshot = (
        ReportSnapshot.objects.filter(run=run, version=run.review_version)
        .values_list("figures", flat=True)
        .first()
    )
    if snapshot is not None:
        return snapshot
    return _cached(run, filters)
