import pytest

from analysis.engine import LANGUAGE_TABLE, LANGUAGES, detect_language


def test_every_language_has_a_table_row():
    assert LANGUAGES == ("en", "ko", "es", "zh-hans", "vi", "so", "tl", "am", "ru")
    assert set(LANGUAGE_TABLE) == set(LANGUAGES)


@pytest.mark.parametrize(
    ("text", "code", "source"),
    [
        ("የአማርኛ አስተርጓሚ እፈልጋለሁ", "am", "script"),
        ("전화 대기 시간이 너무 길어요", "ko", "script"),
        ("我希望有一个电话号码", "zh-hans", "script"),
        ("Сотрудники были очень грубы", "ru", "script"),
        ("The city should answer phone calls much faster", "en", "detected"),
        ("Quiero un intérprete en español, por favor", "es", "detected"),
        ("Tôi muốn có thông dịch viên tiếng Việt", "vi", "detected"),
        ("Waxaan rabaa turjubaan af Soomaali ah", "so", "detected"),
        ("Gusto ko ng tagasalin sa opisina ng lungsod", "tl", "detected"),
    ],
)
def test_detects_each_language(text, code, source):
    guess = detect_language(text)
    assert (guess.code, guess.source) == (code, source)


def test_declared_language_wins_on_short_text():
    guess = detect_language("ok gracias", "es")
    assert guess.code == "es"
    assert guess.source == "declared"


def test_confident_detection_overrides_a_wrong_declaration():
    guess = detect_language("The waiting times on the phone line are far too long", "es")
    assert guess.code == "en"


def test_empty_text_falls_back_to_declared():
    assert detect_language("   ", "tl").code == "tl"
    assert detect_language("123").code is None
