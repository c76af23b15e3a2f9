"""`manage.py seed_demo`'s analysis finds themes across languages: at least one theme found in
the comments holds comments in three or more languages and reads as a phrase, not a list of
keywords (the demo holds same-meaning comments in nine languages for this)."""

from io import StringIO

import pytest
from django.core.management import call_command

from analysis.models import AnalysisRun, Theme

pytestmark = pytest.mark.django_db


def test_the_seeded_demo_run_finds_a_readable_theme_across_languages(demo):
    call_command("seed_demo", "--no-admin", stdout=StringIO())
    run = AnalysisRun.objects.get(approved_at__isnull=False)
    assert run.totals["sentence_model"]
    emergent = list(Theme.objects.filter(run=run, kind=Theme.Kind.EMERGENT))
    across = [t for t in emergent if len(t.language_counts) >= 3]
    assert across, [(t.name, t.language_counts) for t in emergent]
    for theme in across:
        assert theme.name.strip() and " / " not in theme.name, theme.name
        assert set(theme.labels) <= set(theme.language_counts)
