"""Tell apps above the kernel what happened to a comment. Submission and publication are told
once the transaction commits (nobody should index what may be rolled back); an erasure is told
inside it, so a copy that cannot be anonymised stops the erasure instead of surviving it."""

from django.db import transaction

from participation.signals import contribution_erased
from participation.values import Contribution


def contribution_of(comment) -> Contribution:
    return Contribution(
        model=type(comment),
        object_id=comment.pk,
        texts={"": comment.public_text},
        language=comment.language,
        consultation_key=comment.consultation_key,
    )


def announce(signal, comment) -> None:
    contribution = contribution_of(comment)
    if signal is contribution_erased:
        signal.send(sender=contribution.model, contribution=contribution)
        return
    transaction.on_commit(lambda: signal.send(sender=contribution.model, contribution=contribution))
