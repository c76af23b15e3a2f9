"""Erasure reaches analysis: what a run stored about a comment is anonymised like the comment."""

from django.contrib.contenttypes.models import ContentType

from analysis.models import AnalysisItem


def analysed_copies_anonymise(*, comment) -> int:
    """Replace every run's copy of an erased comment's text with its anonymised text and drop
    its district; themes and counts stay, since what was said still counts."""
    content_type = ContentType.objects.get_for_model(type(comment))
    return AnalysisItem.objects.filter(content_type=content_type, object_id=comment.pk).update(
        text=comment.public_text, district=""
    )
