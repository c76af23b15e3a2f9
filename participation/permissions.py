"""Wagtail permission policies answered by each app's rules (django-rules), so the admin's own
views (viewsets, snippets, bulk actions, menus) and the project's views ask one place.

A rule is registered as ``rules.add_perm("<app>.<action>_<model>", predicate)``; the policy
for that model turns Wagtail's "may this user <action>?" into that rule. Unlike a Django
permission check, a rule can refuse a superuser (nobody deletes a resident's comment).
"""

from django.contrib.auth import get_user_model
from rules import has_perm
from wagtail.permission_policies.base import ModelPermissionPolicy


class RulesPermissionPolicy(ModelPermissionPolicy):
    def _rule(self, action: str) -> str:
        return self._get_permission_name(action)

    def user_has_permission(self, user, action) -> bool:
        return has_perm(self._rule(action), user)

    def user_has_permission_for_instance(self, user, action, instance) -> bool:
        return has_perm(self._rule(action), user, instance)

    def users_with_any_permission(self, actions):
        """Staff are few: the rules are asked for each active user."""
        users = get_user_model().objects.filter(is_active=True)
        allowed = [
            user.pk for user in users if any(self.user_has_permission(user, a) for a in actions)
        ]
        return users.filter(pk__in=allowed)
