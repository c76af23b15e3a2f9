from analysis.engine import fingerprint, normalise


def test_normalise_strips_invisible_characters_and_collapses_space():
    assert normalise("a\u200bb\u202e c\x00\n\n d\ufeff") == "ab c d"


def test_normalise_applies_nfkc():
    assert normalise("ｆｕｌｌｗｉｄｔｈ　１２３") == "fullwidth 123"


def test_fingerprint_ignores_case_spacing_and_punctuation():
    assert fingerprint("Fix the  PHONE line!") == fingerprint("fix the phone line")
    assert fingerprint("fix the phone line") != fingerprint("fix the phone lines")
    assert len(fingerprint("x")) == 16
