"""Who may do what with surveys, in one table. Residents answer without an account; everything
else is for staff roles (auth groups), and anonymous visitors never see results.

| action           | admin | editor | analyst | moderator |
| ---------------- | ----- | ------ | ------- | --------- |
| view_results     | yes   | yes    | yes     | yes       |
| export_results   | yes   | yes    | yes     | no        |
| enter_responses  | yes   | yes    | no      | yes       |

Exports leave the system, so moderators (who read results to answer residents) do not get them;
analysts study results but do not take calls, so they do not enter responses.
"""

ROLE_GROUPS = {"editor": "Editors", "analyst": "Analysts", "moderator": "Moderators"}

MATRIX = {
    "view_results": {"admin", "editor", "analyst", "moderator"},
    "export_results": {"admin", "editor", "analyst"},
    "enter_responses": {"admin", "editor", "moderator"},
}


def roles_of(user) -> set[str]:
    if user is None or not user.is_authenticated or not user.is_active:
        return set()
    roles = {"admin"} if user.is_superuser else set()
    names = set(user.groups.values_list("name", flat=True))
    roles.update(role for role, group in ROLE_GROUPS.items() if group in names)
    return roles


def has_permission(user, action: str) -> bool:
    return bool(roles_of(user) & MATRIX[action])


def can_view_results(user) -> bool:
    return has_permission(user, "view_results")


def can_export_results(user) -> bool:
    return has_permission(user, "export_results")


def can_enter_responses(user) -> bool:
    return has_permission(user, "enter_responses")
