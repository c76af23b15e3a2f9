"""Where apps above consultation add to its public pages without consultation knowing them.

An app registers a Wagtail hook that returns `Panel`s: what template to render with what
context, and which stylesheets it needs. Consultation renders whatever it is given, and nothing
when no app answers.

- "consultation_status_panels": ``fn(comment, request) -> list[Panel]`` for a comment's status
  page; a panel with ``placement="step"`` is one more step of the comment's way (a list item),
  any other placement a section after the steps.
- "consultation_right_change_panels": ``fn(draft, request) -> dict[right_key, list[Panel]]``
  for the comparison of a draft with an earlier version.
- "consultation_page_panels": ``fn(consultation, request) -> list[Panel]`` for sections of
  the consultation's own page (the survey app lists its surveys there).
- "consultation_statement_panels": ``fn(consultation, request) -> list[Panel]`` for the
  statements page (the analysis app links the opinion-group results there).
- "consultation_moderation_panels": ``fn(comment, request) -> list[Panel]`` for sections of a
  comment's moderation screen (the analysis app lists comments making the same point in any
  language there).
- "consultation_outcome_panels": ``fn(consultation, request) -> list[Panel]`` for what came of
  a consultation (the analysis app links its published result pages): shown on the home
  page, the consultation page, every draft and a comment's status page.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from django.template.loader import render_to_string
from wagtail import hooks

STATUS_PANELS_HOOK = "consultation_status_panels"
RIGHT_CHANGE_PANELS_HOOK = "consultation_right_change_panels"
CONSULTATION_PANELS_HOOK = "consultation_page_panels"
STATEMENT_PANELS_HOOK = "consultation_statement_panels"
MODERATION_PANELS_HOOK = "consultation_moderation_panels"
OUTCOME_PANELS_HOOK = "consultation_outcome_panels"


@dataclass(frozen=True)
class Panel:
    template_name: str
    context: dict = field(default_factory=dict)
    stylesheets: tuple[str, ...] = ()
    placement: str = "section"

    def render(self, request=None) -> str:
        return render_to_string(self.template_name, self.context, request=request)


def stylesheets(panels) -> list[str]:
    """Each stylesheet the panels need, once, in the order they were asked for."""
    seen: list[str] = []
    for panel in panels:
        for sheet in panel.stylesheets:
            if sheet not in seen:
                seen.append(sheet)
    return seen


def status_panels(*, comment, request) -> list[Panel]:
    panels: list[Panel] = []
    for hook in hooks.get_hooks(STATUS_PANELS_HOOK):
        panels.extend(hook(comment, request) or [])
    return panels


def right_change_panels(*, draft, request) -> dict[str, list[Panel]]:
    by_key: dict[str, list[Panel]] = {}
    for hook in hooks.get_hooks(RIGHT_CHANGE_PANELS_HOOK):
        for key, panels in (hook(draft, request) or {}).items():
            by_key.setdefault(key, []).extend(panels)
    return by_key


def consultation_panels(*, consultation, request) -> list[Panel]:
    panels: list[Panel] = []
    for hook in hooks.get_hooks(CONSULTATION_PANELS_HOOK):
        panels.extend(hook(consultation, request) or [])
    return panels


def statement_panels(*, consultation, request) -> list[Panel]:
    panels: list[Panel] = []
    for hook in hooks.get_hooks(STATEMENT_PANELS_HOOK):
        panels.extend(hook(consultation, request) or [])
    return panels


def moderation_panels(*, comment, request) -> list[Panel]:
    panels: list[Panel] = []
    for hook in hooks.get_hooks(MODERATION_PANELS_HOOK):
        panels.extend(hook(comment, request) or [])
    return panels


def outcome_panels(*, consultation, request) -> list[Panel]:
    panels: list[Panel] = []
    for hook in hooks.get_hooks(OUTCOME_PANELS_HOOK):
        panels.extend(hook(consultation, request) or [])
    return panels
