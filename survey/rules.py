"""Who may do what with surveys, in one table (django-rules). Residents answer without an
account; everything else is for staff roles (auth groups), and anonymous visitors never see
results.

| action            | admin | editor | analyst | moderator |
| ----------------- | ----- | ------ | ------- | --------- |
| view results      | yes   | yes    | yes     | yes       |
| export results    | yes   | yes    | yes     | no        |
| enter responses   | yes   | yes    | no      | yes       |
| review redactions | yes   | no     | no      | yes       |
| delete responses  | yes   | no     | no      | no        |

Exports leave the system, so moderators (who read results to answer residents) do not get them;
analysts study results but do not take calls, so they do not enter responses. Deleting a
response destroys what a resident said: administrators only (or a group an administrator gives
"Can delete survey response"), and every deletion is logged. Wagtail's own form-submission
views obey the same rule (see wagtail_hooks.py).
"""

import rules
from wagtail.permissions import register_permission_policy

from participation.permissions import RulesPermissionPolicy
from participation.roles import holds, is_admin, is_analyst, is_editor, is_moderator
from survey.models.responses import SurveyResponse

MATRIX = {
    "view": is_admin | is_editor | is_analyst | is_moderator,
    "export": is_admin | is_editor | is_analyst,
    "enter": is_admin | is_editor | is_moderator,
    "review": is_admin | is_moderator,
    "delete": is_admin | holds("survey.delete_surveyresponse"),
    "add": rules.always_deny,
    "change": rules.always_deny,
}
for _action, _predicate in MATRIX.items():
    rules.add_perm(f"survey.{_action}_surveyresponse", _predicate)


class SurveyResponsePermissionPolicy(RulesPermissionPolicy):
    pass


response_policy = SurveyResponsePermissionPolicy(SurveyResponse)
register_permission_policy(SurveyResponse, response_policy)


def has_permission(user, action: str) -> bool:
    return response_policy.user_has_permission(user, action)


def can_view_results(user) -> bool:
    return has_permission(user, "view")


def can_export_results(user) -> bool:
    return has_permission(user, "export")


def can_enter_responses(user) -> bool:
    return has_permission(user, "enter")


def can_review_redactions(user) -> bool:
    return has_permission(user, "review")


def can_delete_responses(user) -> bool:
    return has_permission(user, "delete")
