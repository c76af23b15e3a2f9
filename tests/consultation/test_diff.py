"""The per-right comparison matches rights by their stable key, whatever their order."""

from types import SimpleNamespace

from consultation.diff import comparison_counts, draft_comparison, text_diff


class _Block(SimpleNamespace):
    block_type = "right"


def _page(*rights):
    return SimpleNamespace(
        body=[
            _Block(id=key, value={"principle": "easy", "title": t, "statement": s, "commitment": c})
            for key, t, s, c in rights
        ]
    )


def test_rights_are_matched_by_key_and_classified():
    older = _page(("a", "A", "x", "y"), ("b", "B", "x", "y"), ("c", "C", "x", "y"))
    newer = _page(("a", "A", "x", "y"), ("c", "C", "x", "y changed"), ("d", "D", "x", "y"))
    changes = draft_comparison(older=older, newer=newer)
    assert [(c.key, c.kind) for c in changes] == [
        ("a", "unchanged"),
        ("b", "removed"),
        ("c", "changed"),
        ("d", "added"),
    ]
    assert comparison_counts(changes) == {"added": 1, "removed": 1, "changed": 1, "unchanged": 1}


def test_a_reordered_right_is_not_reported_as_changed():
    older = _page(("a", "A", "x", "y"), ("b", "B", "x", "y"))
    newer = _page(("b", "B", "x", "y"), ("a", "A", "x", "y"))
    assert {c.kind for c in draft_comparison(older=older, newer=newer)} == {"unchanged"}


def test_word_diff_marks_inserted_and_deleted_words():
    pieces = text_diff("reply within five days", "reply within two business days")
    assert [(p.op, p.text) for p in pieces if p.op != "equal"] == [
        ("delete", "five"),
        ("insert", "two business"),
    ]


def test_chinese_is_compared_character_by_character():
    pieces = text_diff("五天内答复", "两天内答复")
    assert [(p.op, p.text) for p in pieces if p.op != "equal"] == [
        ("delete", "五"),
        ("insert", "两"),
    ]
