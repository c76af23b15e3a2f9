"""The resident's own name is hidden when they ask to be erased, without eating other words."""

from textkit.personal_data import scrub_personal_data


def test_the_writers_name_and_its_parts_are_replaced():
    result = scrub_personal_data(
        "Hi, I'm Jane Doe. Jane here again, call 206-684-2489.", names=["Jane Doe"]
    )
    assert result.text == "Hi, I'm [name]. [name] here again, call [phone]."
    assert [span.kind for span in result.spans] == ["name", "name", "phone"]


def test_a_name_matches_whole_words_only_and_ignores_case():
    result = scrub_personal_data("ANA likes bananas and Anatomy", names=["Ana"])
    assert result.text == "[name] likes bananas and Anatomy"


def test_without_names_ordinary_text_is_untouched():
    text = "Route 7 at 10:30 costs $2.75, call 311 in 2025"
    assert scrub_personal_data(text).text == text
    assert scrub_personal_data(text, names=["", "  "]).spans == []
