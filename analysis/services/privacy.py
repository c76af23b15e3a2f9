"""Erasure reaches analysis: what a run stored about an erased comment or survey answer is
anonymised like the original, so no copy keeps what the resident asked to remove."""

from django.contrib.contenttypes.models import ContentType

from analysis.models.runs import AnalysisItem


def analysed_copies_anonymise(*, model, object_id: int, texts: dict[str, str]) -> int:
    """Replace every run's copy of each erased text with its anonymised version and drop the
    district; themes and counts stay, since what was said still counts. A field whose text is
    not given (an answer that was removed outright) is emptied."""
    content_type = ContentType.objects.get_for_model(model)
    copies = AnalysisItem.objects.filter(content_type=content_type, object_id=object_id)
    changed = 0
    for field_key in set(copies.values_list("field_key", flat=True)):
        changed += copies.filter(field_key=field_key).update(
            text=texts.get(field_key, ""), district=""
        )
    return changed
