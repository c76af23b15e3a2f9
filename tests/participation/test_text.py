"""One plain-text rule for everything residents send: their characters stay (markup, entities,
every script and emoji), only what cannot be stored or shown safely goes."""

import pytest

from participation.text import clean_line, clean_plain_text, has_text


@pytest.mark.parametrize(
    "text",
    [
        "a<b and c>d",
        "<Policy 12> should stay",
        "email me at <jane@example.org>",
        "M&amp;S",
        "&lt;script&gt;",
        '<script>alert("x")</script>',
        "權利 권리 права መብት",
        "family: 👨\u200d👩\u200d👧 and \u200bzero width",
        "Hebrew \u200fmark\u200e and Arabic \u061c mark",
    ],
)
def test_what_a_resident_typed_is_kept_character_for_character(text):
    result = clean_plain_text(text)
    assert result.text == text
    assert result.changed is False


@pytest.mark.parametrize(
    ("sent", "stored"),
    [
        ("Null\x00 byte", "Null byte"),
        ("bell\x07 and escape\x1b[31m", "bell and escape[31m"),
        ("C1 \x85 \x9b controls", "C1   controls"),
        ("not a \ufffe\uffff\U0010fffecharacter", "not a character"),
        ("\ufdd0non\ufdefchars", "nonchars"),
        ("Pay \u202eexe.txt\u202c now", "Pay exe.txt now"),
        ("isolate \u2066here\u2069", "isolate here"),
        ("lone \ud800 surrogate", "lone  surrogate"),
    ],
)
def test_only_what_cannot_be_stored_or_shown_safely_is_removed(sent, stored):
    result = clean_plain_text(sent)
    assert result.text == stored
    assert result.changed is True


def test_line_endings_and_surrounding_space_are_tidied_without_counting_as_a_change():
    result = clean_plain_text("  first\r\nsecond\rthird  \n")
    assert result.text == "first\nsecond\nthird"
    assert result.changed is False


def test_single_line_fields_fold_whitespace_and_an_empty_result_is_empty():
    assert clean_line("  Ana\n  Lee ") == "Ana Lee"
    assert clean_line("&lt;Ana&gt;") == "&lt;Ana&gt;"
    assert not has_text("\x00\u202e  \ufffe")
    assert has_text("<b></b>")
