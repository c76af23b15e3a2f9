from analysis.engine import tokenize
from analysis.engine.tokenize import _korean_fallback, tokenize_many


def test_english_is_stemmed_and_stopwords_removed():
    assert tokenize("The callbacks were waiting", "en") == ["callback", "wait"]


def test_stem_can_be_turned_off():
    assert tokenize("waiting times", "en", stem=False) == ["waiting", "times"]


def test_chinese_is_segmented():
    assert "电话号码" in tokenize("我希望有一个电话号码", "zh-hans")


def test_vietnamese_compounds_are_joined():
    assert "thông_dịch_viên" in tokenize("Tôi cần thông dịch viên", "vi")


def test_korean_uses_kiwi_morphemes():
    assert "전화" in tokenize("전화를 했는데", "ko")


def test_korean_fallback_gives_character_bigrams():
    assert _korean_fallback("전화번호") == ["전화", "화번", "번호"]


def test_amharic_splits_on_ethiopic_punctuation_and_drops_stopwords():
    assert tokenize("አስተርጓሚ እፈልጋለሁ። እና", "am") == ["አስተርጓሚ", "እፈልጋለሁ"]


def test_unknown_language_still_tokenizes():
    assert tokenize("Hallo Welt", None) == ["hallo", "welt"]


def test_batch_matches_single():
    texts = ["전화를 했는데", "waiting times", "Cần thông dịch viên"]
    langs = ["ko", "en", "vi"]
    assert tokenize_many(texts, langs) == [
        tokenize(t, lang) for t, lang in zip(texts, langs, strict=True)
    ]
