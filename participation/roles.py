"""The staff roles every app's rules are written in, as django-rules predicates.

Residents need no account. Staff belong to Wagtail groups: Editors (content), Moderators
(comments and intake), Analysts (analysis), Translators (translations of what residents wrote);
superusers are administrators. A permission granted
to a group in the Wagtail admin (Settings > Groups) also counts, through `holds`.
"""

import rules
from django.contrib.auth.backends import ModelBackend

ROLE_GROUPS = {
    "editor": "Editors",
    "moderator": "Moderators",
    "analyst": "Analysts",
    "translator": "Translators",
}
ROLES = ("anonymous", "resident", "admin", "editor", "moderator", "analyst", "translator")


@rules.predicate
def is_active_staff(user) -> bool:
    return bool(getattr(user, "is_authenticated", False) and user.is_active)


@rules.predicate
def is_admin(user) -> bool:
    return bool(is_active_staff(user) and user.is_superuser)


is_editor = is_active_staff & rules.is_group_member(ROLE_GROUPS["editor"])
is_moderator = is_active_staff & rules.is_group_member(ROLE_GROUPS["moderator"])
is_analyst = is_active_staff & rules.is_group_member(ROLE_GROUPS["analyst"])
is_translator = is_active_staff & rules.is_group_member(ROLE_GROUPS["translator"])


def holds(permission: str):
    """A predicate true for users given `permission` through their groups or directly, as
    stored by Django (so a city can grant it to a group of its own in the admin)."""
    backend = ModelBackend()

    @rules.predicate(name=f"holds:{permission}")
    def predicate(user) -> bool:
        return bool(is_active_staff(user) and backend.has_perm(user, permission))

    return predicate
