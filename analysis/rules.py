"""Who may do what in the analysis app, in one place.

Analysts read reports, start runs and review themes; administrators may do everything;
editors, moderators and anonymous visitors see no analysis screens."""

ANALYST_GROUP = "Analysts"


def is_analyst(user) -> bool:
    if not getattr(user, "is_authenticated", False) or not user.is_active:
        return False
    if user.is_superuser:
        return True
    return user.groups.filter(name=ANALYST_GROUP).exists()


def can_view_analysis(user) -> bool:
    return is_analyst(user)


def can_start_run(user) -> bool:
    return is_analyst(user)


def can_review_themes(user) -> bool:
    return is_analyst(user)


def can_view_report(user) -> bool:
    return is_analyst(user)


def can_export(user) -> bool:
    """Exports hold every comment's text (no contact details), so analysts only."""
    return is_analyst(user)


def can_approve_run(user) -> bool:
    return is_analyst(user)


def can_edit_population_shares(user) -> bool:
    return is_analyst(user)
