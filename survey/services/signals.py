"""Tell apps above survey what happened to a response: submission once the transaction
commits, erasure inside it (a copy that cannot be anonymised stops the erasure)."""

from django.db import transaction

from participation.signals import contribution_erased
from participation.values import Contribution


def contribution_of(response, keys) -> Contribution:
    """The response's written answers as anyone but a reviewer reads them, by answer key."""
    texts = {}
    for key in keys:
        value = response.public_answer(key)
        if isinstance(value, str) and value:
            texts[key] = value
    return Contribution(
        model=type(response),
        object_id=response.pk,
        texts=texts,
        language=response.locale.language_code if response.locale_id else "",
        consultation_key=getattr(response.consultation, "translation_key", None),
    )


def announce(signal, response, *, keys) -> None:
    contribution = contribution_of(response, keys)
    if signal is contribution_erased:
        signal.send(sender=contribution.model, contribution=contribution)
        return
    transaction.on_commit(lambda: signal.send(sender=contribution.model, contribution=contribution))
