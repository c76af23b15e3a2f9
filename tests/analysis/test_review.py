"""An analyst runs the analysis from the admin, approves and merges themes, corrects ten
assignments one comment at a time, and the agreement panel moves by the expected numbers."""

import re

import pytest
from django.urls import reverse

from analysis.models import AnalysisItem, AnalysisRun, ItemReview, Theme, ThemeDecision
from analysis.selectors.runs import review_queue
from analysis.services import review
from tests.analysis.report_fixtures import build_run

pytestmark = pytest.mark.django_db


def panel(html: str) -> dict:
    row = re.search(r'<tr data-language="all">(.*?)</tr>', html, re.S).group(1)
    return dict(re.findall(r'data-figure="(\w+)">([^<]*)<', row))


def machine_sets(run):
    sets = {}
    for item in AnalysisItem.objects.filter(run=run).order_by("pk"):
        machine, _current = review.item_themes(item=item)
        sets[item.pk] = machine
    return sets


def test_analyst_reviews_the_demo_run_and_agreement_moves(
    client, analyst_user, demo, corpus_source, django_capture_on_commit_callbacks
):
    client.force_login(analyst_user)
    with django_capture_on_commit_callbacks(execute=True):
        client.post(reverse("analysis_runs:add"), {"consultation": demo["consultation"].pk})
    run = AnalysisRun.objects.get()
    assert run.status == AnalysisRun.Status.SUCCEEDED

    response = client.post(reverse("analysis_run_approve", args=[run.pk]))
    assert response.status_code == 302
    run.refresh_from_db()
    assert run.approved_by == analyst_user

    themes = list(Theme.objects.filter(run=run).order_by("pk"))
    proposed = [t for t in themes if t.state == Theme.State.PROPOSED]
    target, merged = themes[0], themes[1]
    if proposed:
        client.post(
            reverse("analysis_theme_action", args=[run.pk, proposed[0].pk]), {"action": "approve"}
        )
        assert Theme.objects.get(pk=proposed[0].pk).state == Theme.State.APPROVED
    client.post(
        reverse("analysis_theme_action", args=[run.pk, merged.pk]),
        {"action": "merge", f"t{merged.pk}-into": target.pk},
    )
    merged.refresh_from_db()
    assert merged.state == Theme.State.MERGED and merged.merged_into == target
    assert ThemeDecision.objects.filter(theme=merged, action="merge", user=analyst_user).exists()

    url = reverse("analysis_item_review", args=[run.pk])
    html = client.get(url).content.decode()
    assert panel(html) == {"precision": "–", "recall": "–", "f1": "–"}

    sets = machine_sets(run)
    machine_rows = run.assignments.filter(source="machine").count()
    active = [t.pk for t in Theme.objects.filter(run=run, state__in=["approved", "proposed"])]
    # The queue's order: items the machine was unsure about first, most uncertain first.
    items = list(review_queue(run=run))[:10]
    matched = machine_total = analyst_total = 0
    for index, item in enumerate(items):
        machine = sets[item.pk]
        # One correction per item: drop a machine theme, or add one the machine missed.
        if machine and index % 2 == 0:
            chosen = set(machine) - {min(machine)}
        else:
            chosen = set(machine) | {next(pk for pk in active if pk not in machine)}
        html = client.get(url).content.decode()
        assert f'name="item" value="{item.pk}"' in html
        client.post(url, {"item": item.pk, "themes": [str(pk) for pk in chosen]})
        matched += len(machine & chosen)
        machine_total += len(machine)
        analyst_total += len(chosen)

    assert ItemReview.objects.filter(run=run).count() == 10
    assert sum(ItemReview.objects.filter(run=run).values_list("corrections", flat=True)) == 10
    html = client.get(url).content.decode()
    precision = matched / machine_total
    recall = matched / analyst_total
    f1 = 2 * precision * recall / (precision + recall)
    assert panel(html) == {
        "precision": f"{precision:.3f}",
        "recall": f"{recall:.3f}",
        "f1": f"{f1:.3f}",
    }
    assert "10 theme corrections" in html
    assert run.assignments.filter(source="machine").count() == machine_rows
    report = client.get(reverse("analysis_report", args=[run.pk])).content.decode()
    assert panel(report) == panel(html)


def test_theme_actions_keep_an_audit_and_the_machine_name(client, analyst_user, demo):
    run = build_run(consultation=demo["consultation"])
    theme = Theme.objects.get(run=run, key="emergent-parking")
    client.force_login(analyst_user)
    action = reverse("analysis_theme_action", args=[run.pk, theme.pk])
    client.post(action, {"action": "rename", f"t{theme.pk}-name": "Parking near city offices"})
    client.post(action, {"action": "approve"})
    theme.refresh_from_db()
    assert theme.name == "Parking near city offices" and theme.machine_name == "Parking at offices"
    assert theme.state == Theme.State.APPROVED
    items = AnalysisItem.objects.filter(run=run, object_id__in=[4, 11])
    client.post(
        action, {"action": "split", "name": "Disabled parking", "items": [i.pk for i in items]}
    )
    new = Theme.objects.get(run=run, name="Disabled parking")
    assert new.state == Theme.State.APPROVED
    actions = list(ThemeDecision.objects.filter(theme=theme).values_list("action", flat=True))
    assert sorted(actions) == ["approve", "rename", "split"]
    client.post(action, {"action": "retire"})
    client.post(action, {"action": "retire"})
    assert ThemeDecision.objects.filter(theme=theme, action="retire").count() == 1
    html = client.get(reverse("analysis_theme_review", args=[run.pk])).content.decode()
    assert 'data-theme-state="retired"' in html
