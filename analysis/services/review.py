"""Analysts' decisions: approve a run, shape its themes (approve, rename, merge, split, retire)
and confirm or correct the themes of one item at a time.

Nothing the machine wrote is edited: each decision is a ThemeDecision audit row or a new
analyst ThemeAssignment row with who and when. Each decision bumps the run's review_version and
queues a refresh of the stored report; until it lands, readers compute the figures themselves.
"""

from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import F
from django.utils import timezone
from django.utils.text import slugify
from django.utils.translation import gettext as _

from analysis.models.reports import ItemReview, PopulationShare
from analysis.models.runs import AnalysisItem, AnalysisRun
from analysis.models.themes import Theme, ThemeAssignment, ThemeDecision
from analysis.reports.effective import effective_themes, machine_themes, theme_targets
from analysis.services.snapshots import snapshot_refresh_later
from participation.text import clean_line


def _touched(run: AnalysisRun) -> None:
    AnalysisRun.objects.filter(pk=run.pk).update(review_version=F("review_version") + 1)
    run.refresh_from_db(fields=["review_version"])
    snapshot_refresh_later(run=run)


def _decide(theme: Theme, action: str, user, **detail) -> ThemeDecision:
    return ThemeDecision.objects.create(theme=theme, action=action, user=user, detail=detail)


@transaction.atomic
def run_approve(*, run: AnalysisRun, user) -> AnalysisRun:
    """Mark a finished run as the one reports and public pages are built from."""
    run = AnalysisRun.objects.select_for_update().get(pk=run.pk)
    if run.status != AnalysisRun.Status.SUCCEEDED:
        raise ValidationError(_("Only a finished run can be approved."))
    if run.approved_at is None:
        run.approved_at = timezone.now()
        run.approved_by = user
        run.save(update_fields=["approved_at", "approved_by"])
        snapshot_refresh_later(run=run)
    return run


@transaction.atomic
def theme_approve(*, theme: Theme, user) -> Theme:
    if theme.state == Theme.State.APPROVED:
        return theme
    previous = theme.state
    theme.state = Theme.State.APPROVED
    theme.merged_into = None
    theme.save(update_fields=["state", "merged_into"])
    _decide(theme, ThemeDecision.Action.APPROVE, user, previous=previous)
    _touched(theme.run)
    return theme


@transaction.atomic
def theme_rename(*, theme: Theme, name: str, user) -> Theme:
    """A theme's name reaches public pages: it follows the plain-text rule like what
    residents send (kept as typed, only unsafe characters removed, escaped when shown)."""
    name = clean_line(name)[:200]
    if not name:
        raise ValidationError({"name": _("Give the theme a name.")})
    if name == theme.name:
        return theme
    old = theme.name
    theme.name = name
    theme.save(update_fields=["name"])
    _decide(theme, ThemeDecision.Action.RENAME, user, old=old, new=name)
    _touched(theme.run)
    return theme


@transaction.atomic
def theme_merge(*, theme: Theme, into: Theme, user) -> Theme:
    """Count a theme's comments as another theme's from now on; the machine's rows stay."""
    if into.pk == theme.pk or into.run_id != theme.run_id:
        raise ValidationError({"into": _("Choose another theme of the same run.")})
    if into.state in (Theme.State.MERGED, Theme.State.RETIRED):
        raise ValidationError({"into": _("That theme was merged or retired.")})
    if theme.state == Theme.State.MERGED and theme.merged_into_id == into.pk:
        return theme
    theme.state = Theme.State.MERGED
    theme.merged_into = into
    theme.save(update_fields=["state", "merged_into"])
    _decide(theme, ThemeDecision.Action.MERGE, user, into=into.pk, into_name=into.name)
    _touched(theme.run)
    return theme


@transaction.atomic
def theme_retire(*, theme: Theme, user) -> Theme:
    if theme.state == Theme.State.RETIRED:
        return theme
    theme.state = Theme.State.RETIRED
    theme.save(update_fields=["state"])
    _decide(theme, ThemeDecision.Action.RETIRE, user)
    _touched(theme.run)
    return theme


@transaction.atomic
def theme_restore(*, theme: Theme, user) -> Theme:
    """Bring back a retired or merged theme as proposed."""
    if theme.state not in (Theme.State.RETIRED, Theme.State.MERGED):
        return theme
    theme.state = Theme.State.PROPOSED
    theme.merged_into = None
    theme.save(update_fields=["state", "merged_into"])
    _decide(theme, ThemeDecision.Action.RESTORE, user)
    _touched(theme.run)
    return theme


def _analyst_row(run, item: AnalysisItem, theme_id: int, decision: str, user, confidence=None):
    return ThemeAssignment(
        tag_id=theme_id,
        run=run,
        content_type_id=item.content_type_id,
        object_id=item.object_id,
        field_key=item.field_key,
        source=ThemeAssignment.Source.ANALYST,
        decision=decision,
        confidence=confidence,
        created_by=user,
    )


@transaction.atomic
def theme_split(*, theme: Theme, items: list[AnalysisItem], name: str, user) -> Theme:
    """Move some of a theme's items to a new theme (an analyst row removes the old theme and
    adds the new one on each), e.g. when one machine theme mixes two concerns."""
    name = clean_line(name)[:200]
    if not name:
        raise ValidationError({"name": _("Give the new theme a name.")})
    if not items:
        raise ValidationError({"items": _("Choose the comments that belong to the new theme.")})
    run = theme.run
    number = Theme.objects.filter(run=run, key__startswith=f"{theme.key}--").count() + 1
    new = Theme.objects.create(
        run=run,
        key=f"{theme.key}--{number}"[:120],
        slug=slugify(f"{theme.key}-{number}")[:200],
        name=name,
        kind=Theme.Kind.EMERGENT,
        state=Theme.State.APPROVED,
        principle=theme.principle,
        language=theme.language,
    )
    rows = []
    for item in items:
        rows.append(_analyst_row(run, item, theme.pk, ThemeAssignment.Decision.REJECTED, user))
        rows.append(_analyst_row(run, item, new.pk, ThemeAssignment.Decision.ADDED, user))
    ThemeAssignment.objects.bulk_create(rows)
    _decide(theme, ThemeDecision.Action.SPLIT, user, new=new.pk, new_name=name, items=len(items))
    _touched(run)
    return new


def item_themes(*, item: AnalysisItem) -> tuple[set[int], set[int]]:
    """(machine's themes, themes that count now) for one item."""
    run = item.run
    item_filter = {
        "content_type_id": item.content_type_id,
        "object_id": item.object_id,
        "field_key": item.field_key,
    }
    key = (item.content_type_id, item.object_id, item.field_key)
    machine = machine_themes(run=run, targets=theme_targets(run=run), item_filter=item_filter)
    current = effective_themes(run=run, item_filter=item_filter)
    return machine.get(key, set()), current.get(key, set())


@transaction.atomic
def item_review_save(*, item: AnalysisItem, theme_ids: set[int], user) -> ItemReview:
    """Record the analyst's themes for one item: machine themes kept are confirmed, removed
    ones rejected, new ones added. Saving the same answer again adds nothing."""
    run = item.run
    allowed = {pk for pk, target in theme_targets(run=run).items() if target == pk}
    chosen = {pk for pk in theme_ids if pk in allowed}
    machine, current = item_themes(item=item)
    last = ItemReview.objects.filter(run=run, item=item).last()
    if last is not None and chosen == current:
        return last
    confirmed = set(
        ThemeAssignment.objects.filter(
            run=run,
            source=ThemeAssignment.Source.ANALYST,
            content_type_id=item.content_type_id,
            object_id=item.object_id,
            field_key=item.field_key,
        ).values_list("tag_id", flat=True)
    )
    rows = []
    for theme_id in sorted(chosen - current):
        decision = ThemeAssignment.Decision.CONFIRMED
        if theme_id not in machine:
            decision = ThemeAssignment.Decision.ADDED
        rows.append(_analyst_row(run, item, theme_id, decision, user))
    for theme_id in sorted(current - chosen):
        rows.append(_analyst_row(run, item, theme_id, ThemeAssignment.Decision.REJECTED, user))
    for theme_id in sorted((chosen & current & machine) - confirmed):
        rows.append(_analyst_row(run, item, theme_id, ThemeAssignment.Decision.CONFIRMED, user))
    ThemeAssignment.objects.bulk_create(rows)
    review = ItemReview.objects.create(
        run=run, item=item, user=user, corrections=len(chosen ^ machine)
    )
    _touched(run)
    return review


@transaction.atomic
def population_shares_save(*, consultation, rows: list[dict], user) -> int:
    """Replace the population shares of a consultation with the rows staff entered."""
    PopulationShare.objects.filter(consultation=consultation).delete()
    shares = [
        PopulationShare(
            consultation=consultation,
            dimension=row["dimension"],
            value=row["value"].strip(),
            percent=row["percent"],
            updated_by=user,
        )
        for row in rows
        if row.get("value", "").strip()
    ]
    PopulationShare.objects.bulk_create(shares)
    return len(shares)
