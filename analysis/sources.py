"""Adapters from the consultation and survey apps to analysis inputs. Analysis reads their
selectors and never their tables directly, so data keeps flowing one way."""

from collections.abc import Iterator

from analysis.inputs import InputItem


def comment_items(*, consultation) -> Iterator[InputItem]:
    """Published comments (redacted text) on any draft of the consultation."""
    from consultation.selectors.published import published_comment_rows

    for row in published_comment_rows(consultation=consultation):
        yield InputItem(
            content_type_id=row["content_type_id"],
            object_id=row["id"],
            field_key="",
            text=row["text"],
            language=row.get("language") or None,
            stance=row.get("stance") or None,
            created=row.get("created"),
            facts={
                "channel": row.get("channel", ""),
                "district": row.get("district", ""),
                "right_key": row.get("right_key", ""),
                "meeting": row.get("meeting", ""),
            },
        )


def survey_items(*, consultation) -> Iterator[InputItem]:
    """Free-text survey answers, one item per answer, keyed by the question."""
    from survey.selectors.published import published_answer_rows

    for row in published_answer_rows(consultation=consultation):
        yield InputItem(
            content_type_id=row["content_type_id"],
            object_id=row["response_id"],
            field_key=row["question_key"],
            text=row["text"],
            language=row.get("language") or None,
            stance=None,
            created=row.get("created"),
            facts={
                "channel": row.get("channel", ""),
                "district": row.get("district", ""),
                "question": row["question_key"],
            },
        )
