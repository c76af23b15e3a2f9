from analysis.engine import LANGUAGES
from analysis.engine.codebook import PRINCIPLES


def test_default_codebook_has_principles_and_service_themes(codebook):
    keys = [t.key for t in codebook]
    assert set(PRINCIPLES) <= set(keys)
    assert len(keys) == len(set(keys)) == 14
    assert {t.principle for t in codebook if t.key not in PRINCIPLES} <= set(PRINCIPLES)


def test_every_theme_has_name_description_and_examples_in_all_nine_languages(codebook):
    for theme in codebook:
        assert set(theme.examples) == set(LANGUAGES)
        assert set(theme.names) == set(LANGUAGES)
        assert set(theme.descriptions) == set(LANGUAGES)
        for lang in LANGUAGES:
            assert len(theme.examples[lang]) >= 3
            assert theme.names[lang].strip() and theme.descriptions[lang].strip()


def test_default_codebook_returns_a_fresh_copy(codebook):
    from analysis.engine import default_codebook

    again = default_codebook()
    again[0].examples["en"].append("changed")
    assert "changed" not in default_codebook()[0].examples["en"]
