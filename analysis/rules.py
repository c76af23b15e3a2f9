"""Who may do what in the analysis app, in one place (django-rules).

Analysts read reports, start runs and review themes; administrators may do everything;
editors, moderators and anonymous visitors see no analysis screens. Exports hold every
comment's text (no contact details), so analysts only. Runs are never edited or deleted by
hand: a rerun is a new run, so the record of what was analysed stays.

The admin asks these rules through `AnalysisRunPermissionPolicy` (participation/permissions).
"""

import rules
from wagtail.permissions import register_permission_policy

from analysis.models.runs import AnalysisRun
from participation.permissions import RulesPermissionPolicy
from participation.roles import is_admin, is_analyst

may_analyse = is_admin | is_analyst

for _action in ("view", "add", "review", "approve", "publish", "export", "edit_shares"):
    rules.add_perm(f"analysis.{_action}_analysisrun", may_analyse)
rules.add_perm("analysis.change_analysisrun", rules.always_deny)
rules.add_perm("analysis.delete_analysisrun", rules.always_deny)


class AnalysisRunPermissionPolicy(RulesPermissionPolicy):
    pass


run_policy = AnalysisRunPermissionPolicy(AnalysisRun)
register_permission_policy(AnalysisRun, run_policy)


def can_view_analysis(user) -> bool:
    return run_policy.user_has_permission(user, "view")


def can_start_run(user) -> bool:
    return run_policy.user_has_permission(user, "add")


def can_review_themes(user) -> bool:
    return run_policy.user_has_permission(user, "review")


def can_view_report(user) -> bool:
    return run_policy.user_has_permission(user, "view")


def can_export(user) -> bool:
    return run_policy.user_has_permission(user, "export")


def can_approve_run(user) -> bool:
    return run_policy.user_has_permission(user, "approve")


def can_publish_results(user) -> bool:
    """Publishing puts a run's figures on public pages; the service checks the run is ready."""
    return run_policy.user_has_permission(user, "publish")


def can_edit_population_shares(user) -> bool:
    return run_policy.user_has_permission(user, "edit_shares")
