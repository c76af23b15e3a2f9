"""Signal receivers: thin, they only hand over to services."""


def response_deleting(sender, instance, **kwargs) -> None:
    """Every deletion of a survey response is audited, whichever path deletes it (the admin's
    own form-submission screens, the responses viewset, a cascade from a deleted page)."""
    from survey.services.privacy import survey_response_deletion_record

    survey_response_deletion_record(response=instance)
