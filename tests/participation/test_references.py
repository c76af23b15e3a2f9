"""One reference-code format for comments and survey receipts."""

from participation.references import (
    ALPHABET,
    LENGTH,
    display_reference,
    new_reference,
    normalise_reference,
)


def test_new_codes_avoid_characters_easily_misread():
    codes = {new_reference() for _ in range(200)}
    assert len(codes) == 200
    for code in codes:
        assert len(code) == LENGTH
        assert set(code) <= set(ALPHABET)
        assert not set(code) & set("01ILO")


def test_what_a_resident_types_reaches_the_stored_form():
    assert normalise_reference(" 7kq4m-xp2rt ") == "7KQ4MXP2RT"
    assert normalise_reference("７KQ4M") == "KQ4M"  # full-width digits are not code characters
    assert display_reference("7KQ4MXP2RT") == "7KQ4M-XP2RT"
    assert display_reference("7KQ4M-XP2RT") == "7KQ4M-XP2RT"
