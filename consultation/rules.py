"""Who may do what with comments, declared once (django-rules) and tested as a matrix.

Residents need no account: anyone may comment while a consultation is open and look up a
reference code. Moderators and administrators review comments and record comments that came in
by phone, on paper or at meetings. Editors and analysts do neither: editors own the content,
analysts read published comments through the analysis reports. Nobody, not even an
administrator, adds, edits or deletes a comment through the admin's generic screens: comments
arrive through the submission service, and erasure keeps what was said.

The admin asks these rules through `CommentPermissionPolicy` (participation/permissions.py).
"""

import rules
from django.utils import timezone
from wagtail.permissions import register_permission_policy

from consultation.models.comments import Comment
from consultation.models.kiosks import Kiosk
from consultation.models.meetings import MeetingSignup
from participation.permissions import RulesPermissionPolicy
from participation.roles import holds, is_admin, is_editor, is_moderator

may_moderate = is_admin | is_moderator | holds("consultation.moderate_comment")
may_record = is_admin | is_moderator | holds("consultation.record_comment")


@rules.predicate
def consultation_open(user, consultation) -> bool:
    from consultation.models.pages import ConsultationState

    return consultation.state_at(timezone.now()) == ConsultationState.OPEN


rules.add_perm("consultation.view_comment", may_moderate)
rules.add_perm("consultation.moderate_comment", may_moderate)
rules.add_perm("consultation.record_comment", may_record)
rules.add_perm("consultation.add_comment", rules.always_deny)
rules.add_perm("consultation.change_comment", rules.always_deny)
rules.add_perm("consultation.delete_comment", rules.always_deny)
rules.add_perm("consultation.comment_on_consultation", consultation_open)


class CommentPermissionPolicy(RulesPermissionPolicy):
    pass


comment_policy = CommentPermissionPolicy(Comment)
register_permission_policy(Comment, comment_policy)


def can_moderate(user) -> bool:
    return comment_policy.user_has_permission(user, "moderate")


def can_record_intake(user) -> bool:
    return comment_policy.user_has_permission(user, "record")


def can_comment(user, consultation) -> bool:
    """Anyone, signed in or not, while the consultation is open."""
    return rules.has_perm("consultation.comment_on_consultation", user, consultation)


def can_view_status(user) -> bool:
    """The reference code is the key; no account is needed."""
    return True


may_check_readability = is_admin | is_editor
rules.add_perm("consultation.check_readability", may_check_readability)


def can_check_readability(user) -> bool:
    """Editors and administrators own the drafts' wording, so they read the plain-language
    report and the editor's live check; moderators and analysts do not edit drafts."""
    return rules.has_perm("consultation.check_readability", user)


@rules.predicate
def meeting_signup_open(user, meeting) -> bool:
    return meeting.signup_open


rules.add_perm("consultation.sign_up_for_meeting", meeting_signup_open)
# Sign-ups hold names, contact details and support needs: the staff who look after residents'
# data (moderators, administrators) read them; editors and analysts do not. Nobody edits one.
rules.add_perm("consultation.view_meetingsignup", may_moderate)
rules.add_perm("consultation.add_meetingsignup", rules.always_deny)
rules.add_perm("consultation.change_meetingsignup", rules.always_deny)
rules.add_perm("consultation.delete_meetingsignup", rules.always_deny)


class MeetingSignupPermissionPolicy(RulesPermissionPolicy):
    pass


signup_policy = MeetingSignupPermissionPolicy(MeetingSignup)
register_permission_policy(MeetingSignup, signup_policy)


def can_sign_up(user, meeting) -> bool:
    """Anyone, signed in or not, until the meeting starts, when its page offers sign-up."""
    return rules.has_perm("consultation.sign_up_for_meeting", user, meeting)


def can_view_signups(user) -> bool:
    return signup_policy.user_has_permission(user, "view")


# Kiosks lift the per-address comment limit on one device for a while: the staff who run
# libraries' and meetings' comment stations (moderators, editors, administrators) issue and
# revoke them. Nobody edits or deletes one: revoked kiosks still name their comments.
may_issue_kiosk = is_admin | is_moderator | is_editor | holds("consultation.add_kiosk")
rules.add_perm("consultation.view_kiosk", may_issue_kiosk)
rules.add_perm("consultation.add_kiosk", may_issue_kiosk)
rules.add_perm("consultation.revoke_kiosk", may_issue_kiosk)
rules.add_perm("consultation.change_kiosk", rules.always_deny)
rules.add_perm("consultation.delete_kiosk", rules.always_deny)


class KioskPermissionPolicy(RulesPermissionPolicy):
    pass


kiosk_policy = KioskPermissionPolicy(Kiosk)
register_permission_policy(Kiosk, kiosk_policy)


def can_issue_kiosks(user) -> bool:
    return kiosk_policy.user_has_permission(user, "add")
