"""Tell apps above the kernel what happened to a comment. Submission and publication are told
once the transaction commits (nobody should index what may be rolled back); an erasure is told
inside it, so a copy that cannot be anonymised stops the erasure instead of surviving it."""

from django.core.cache import cache
from django.db import transaction

from consultation.selectors.comments import summaries_cache_key
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


def comment_summaries_forget(comment) -> None:
    """Drop the cached per-right summaries of the comment's draft: now, so this request and
    tests read what was just written, and again after commit, so a reader who rebuilt the
    summary from the old rows while this transaction ran does not keep it."""
    key = summaries_cache_key(comment.draft_key)
    cache.delete(key)
    transaction.on_commit(lambda: cache.delete(key))
