"""What analysis adds to consultation's public pages, through consultation's Wagtail hooks
(registered in wagtail_hooks.py): the "included in the analysis" step and the themes on a
comment's status page, and the themes behind each changed right on a draft comparison."""

from django.contrib.contenttypes.models import ContentType

from analysis.selectors.outcomes import comment_outcome, draft_change_reasons, outcome_links
from analysis.selectors.runs import latest_finished_run
from analysis.selectors.similar import similar_items
from consultation.panels import Panel
from consultation.selectors.published import machine_output_public

STYLESHEETS = ("analysis/public.css",)


def status_panels(comment, request) -> list[Panel]:
    outcome = comment_outcome(comment)
    panels = [
        Panel(
            "analysis/includes/status_step.html",
            {"included": outcome["included"]},
            placement="step",
        )
    ]
    consultation_key = comment.consultation_key
    if outcome["themes"] and machine_output_public(consultation_key=consultation_key):
        panels.append(
            Panel("analysis/includes/status_themes.html", {"comment_themes": outcome["themes"]})
        )
    if comment.draft is not None:
        panels.extend(outcome_link_panels(comment.draft.get_parent().specific, request))
    return panels


def outcome_link_panels(consultation, request) -> list[Panel]:
    """Links to the published result pages of a consultation, once there are any."""
    links = outcome_links(consultation=consultation)
    if not links:
        return []
    context = {"outcome_links": links, "consultation_key": consultation.translation_key}
    return [Panel("analysis/includes/outcome_links.html", context)]


def right_change_panels(draft, request) -> dict[str, list[Panel]]:
    return {
        key: [
            Panel(
                "analysis/includes/change_reasons.html",
                {"reason": reason, "key": key},
                stylesheets=STYLESHEETS,
            )
        ]
        for key, reason in draft_change_reasons(draft=draft).items()
    }


def statement_panels(consultation, request) -> list[Panel]:
    """A link to the opinion-group results under the statements, once there are any."""
    from analysis.selectors.opinions import snapshot_of

    snapshot = snapshot_of(consultation_key=consultation.translation_key)
    if snapshot is None or not snapshot.n_votes:
        return []
    return [Panel("analysis/opinions/results_link.html", {"consultation": consultation})]


def moderation_panels(comment, request) -> list[Panel]:
    """Comments making the same point in any language, from the consultation's newest run."""
    consultation = comment.draft.get_parent().specific if comment.draft else None
    run = latest_finished_run(consultation=consultation) if consultation else None
    key = (ContentType.objects.get_for_model(type(comment)).pk, comment.pk, "")
    found = similar_items(run=run, key=key, text=comment.public_text)
    if found is None:
        return []
    return [Panel("analysis/includes/similar_items.html", {"similar": found, "admin": True})]
