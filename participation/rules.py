"""Who may translate what residents wrote, declared once (django-rules).

Translators and moderators add translations of comments and survey answers; administrators
too. They translate the public text (personal data already hidden), so the Translators group
sees nothing a resident asked to keep private. Nobody edits or deletes a translation in place:
a better one is a new row, so who translated what, and when, stays on record.
"""

import rules
from wagtail.permissions import register_permission_policy

from participation.permissions import RulesPermissionPolicy
from participation.roles import holds, is_admin, is_moderator, is_translator
from participation.translations.models import Translation

may_translate = is_admin | is_moderator | is_translator | holds("participation.add_translation")

rules.add_perm("participation.add_translation", may_translate)
rules.add_perm("participation.view_translation", may_translate)
rules.add_perm("participation.change_translation", rules.always_deny)
rules.add_perm("participation.delete_translation", rules.always_deny)


def can_translate(user) -> bool:
    """Translators, moderators and administrators (or a group granted the permission)."""
    return rules.has_perm("participation.add_translation", user)


class TranslationPermissionPolicy(RulesPermissionPolicy):
    pass


translation_policy = TranslationPermissionPolicy(Translation)
register_permission_policy(Translation, translation_policy)
