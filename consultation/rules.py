"""Who may do what with comments, declared once and tested as a matrix.

Residents need no account: anyone may comment while a consultation is open and look up a
reference code. Moderators (and superusers) review comments and record comments that came in by
phone, on paper or at meetings. Editors and analysts do neither: editors own the content,
analysts read published comments through the analysis reports.
"""

from django.utils import timezone

MODERATOR_GROUPS = ("Moderators",)


def _in_groups(user, names) -> bool:
    if not getattr(user, "is_authenticated", False):
        return False
    return user.groups.filter(name__in=names).exists()


def can_moderate(user) -> bool:
    if not getattr(user, "is_authenticated", False) or not user.is_active:
        return False
    return (
        user.is_superuser
        or user.has_perm("consultation.moderate_comment")
        or _in_groups(user, MODERATOR_GROUPS)
    )


def can_record_intake(user) -> bool:
    if not getattr(user, "is_authenticated", False) or not user.is_active:
        return False
    return (
        user.is_superuser
        or user.has_perm("consultation.record_comment")
        or _in_groups(user, MODERATOR_GROUPS)
    )


def can_comment(user, consultation, *, now=None) -> bool:
    """Anyone, signed in or not, while the consultation is open."""
    from consultation.models.pages import ConsultationState

    return consultation.state_at(now or timezone.now()) == ConsultationState.OPEN


def can_view_status(user) -> bool:
    """The reference code is the key; no account is needed."""
    return True


EDITOR_GROUPS = ("Editors",)


def can_check_readability(user) -> bool:
    """Editors and administrators own the drafts' wording, so they read the plain-language
    report and the editor's live check; moderators and analysts do not edit drafts."""
    if not getattr(user, "is_authenticated", False) or not user.is_active:
        return False
    return user.is_superuser or _in_groups(user, EDITOR_GROUPS)
