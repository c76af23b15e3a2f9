"""Signal receivers: thin, they only hand over to services."""


def page_published(sender, instance, **kwargs):
    """A new draft or a "You said, we did" page went live: the service decides whether
    residents should hear what their comments led to, and queues the emails."""
    from analysis.services.outcomes import outcome_emails_schedule

    outcome_emails_schedule(page=instance)


def outcome_links_changed(sender, **kwargs) -> None:
    """A page went live or was taken down: the cached links to result pages may be wrong."""
    from analysis.selectors.outcomes import outcome_links_forget

    outcome_links_forget()


def contribution_erased(sender, contribution, **kwargs) -> None:
    """A resident's personal data was erased: the analysed copies follow."""
    from analysis.services.privacy import analysed_copies_anonymise

    analysed_copies_anonymise(
        model=contribution.model, object_id=contribution.object_id, texts=contribution.texts
    )


def contribution_stored(sender, contribution, **kwargs) -> None:
    """A comment, survey answer or imported row was submitted or published: embed it off the
    request path."""
    from analysis.services.vectors import sentence_vectors_schedule

    sentence_vectors_schedule(consultation_key=contribution.consultation_key)


def votes_changed(sender, consultation_key, **kwargs) -> None:
    """Votes were cast or changed: the opinion groups are recomputed in the background."""
    from analysis.services.opinions import opinions_refresh_soon

    opinions_refresh_soon(consultation_key=consultation_key)
