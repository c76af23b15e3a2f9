"""Signal receivers: thin, they only hand over to services."""


def page_published(sender, instance, **kwargs):
    """A new draft or a "You said, we did" page went live: the service decides whether
    residents should hear what their comments led to, and queues the emails."""
    from analysis.services.outcomes import outcome_emails_schedule

    outcome_emails_schedule(page=instance)


def status_context(comment) -> dict:
    """Adds the themes a comment fed, and the changes they led to, to its status page."""
    from analysis.selectors import comment_outcome

    outcome = comment_outcome(comment)
    context = {"comment_themes": outcome["themes"]}
    if outcome["included"]:
        context["analysis_included"] = True
    return context


def comment_erased(comment) -> None:
    """A resident's personal data was erased: the analysed copies follow."""
    from analysis.services.privacy import analysed_copies_anonymise

    analysed_copies_anonymise(comment=comment)
