import pickle

import pytest

from analysis.engine import CodebookTheme, CodedExample, TextItem, build_theme_model


@pytest.fixture(scope="module")
def model(codebook):
    return build_theme_model(codebook)


@pytest.mark.parametrize(
    ("text", "lang", "key"),
    [
        ("I was on hold for two hours before anyone answered", "en", "waiting_times"),
        ("전화를 했는데 아무도 다시 연락을 주지 않았습니다", "ko", "callbacks_follow_up"),
        ("Quiero hacer todo en línea, la página web no funciona", "es", "online_services"),
        ("我不知道该打哪个部门的电话", "zh-hans", "one_number"),
        ("Wakhti dheer ayaan sugayay", "so", "waiting_times"),
        ("Сотрудники были очень грубы со мной", "ru", "respectful_staff"),
    ],
)
def test_codebook_examples_in_each_language_find_the_theme(model, text, lang, key):
    assignments = model.assign(TextItem("x", text, lang))
    assert assignments, text
    assert assignments[0].theme_key == key
    assert assignments[0].source == "codebook"
    assert any(reason.startswith("similar to:") for reason in assignments[0].why)


def test_unrelated_comment_fits_no_theme(model):
    assert model.assign(TextItem("x", "The tulips in spring are lovely", "en")) == []


def test_model_pickles_and_gives_the_same_answer(model):
    item = TextItem("x", "nobody ever called me back", "en")
    clone = pickle.loads(pickle.dumps(model))  # noqa: S301 - our own object, round-tripped
    assert clone.assign(item) == model.assign(item)


def test_coded_examples_teach_a_new_theme():
    codebook = [
        CodebookTheme("trees", "Trees", "Street trees and parks", {"en": ["plant more trees"]}),
        CodebookTheme("noise", "Noise", "Noise from traffic and building", {"en": ["too loud"]}),
    ]
    coded = (
        [
            CodedExample(
                TextItem(f"t{i}", f"the old oak on {s} street needs pruning", "en"), ("trees",)
            )
            for i, s in enumerate(["pine", "elm", "main", "oak", "first", "lake"])
        ]
        + [
            CodedExample(
                TextItem(f"n{i}", f"leaf blowers at {h} am wake everyone", "en"), ("noise",)
            )
            for i, h in enumerate(["five", "six", "seven", "four", "three", "two"])
        ]
        + [CodedExample(TextItem("z", "I like the new library hours", "en"), ())]
    )
    model = build_theme_model(codebook, coded)
    top = model.assign(TextItem("q", "branches of the oak need pruning", "en"))
    assert top[0].theme_key == "trees"
    assert top[0].source == "learned"
    assert "learned from 6 coded comments" in top[0].why
    blower = model.assign(TextItem("q2", "leaf blowers wake everyone at six", "en"))
    assert blower[0].theme_key == "noise"


def test_multi_label_coding_trains_one_classifier_per_theme(codebook):
    coded = [
        CodedExample(
            TextItem("a", "long hold and nobody called back", "en"),
            ("waiting_times", "callbacks_follow_up"),
        ),
        CodedExample(TextItem("b", "rude staff at the counter", "en"), ("respectful_staff",)),
        CodedExample(TextItem("c", "nice weather", "en"), ()),
    ]
    model = build_theme_model(codebook, coded)
    assert not model.exclusive
    _, _, learned = model.score_encoded(model.encode(["long hold, no call back"], ["en"]))
    top_two = {model.keys[i] for i in learned[0].argsort()[-2:]}
    assert top_two == {"waiting_times", "callbacks_follow_up"}
