"""Language offsets and readable labels, on small cases worked out by hand."""

import numpy as np

from analysis.engine.labels import phrase, theme_labels
from analysis.engine.semantic import LanguageOffsets


def _unit(v):
    v = np.asarray(v, dtype=np.float32)
    return v / np.linalg.norm(v)


def test_removing_language_offsets_makes_translations_the_nearest_neighbours():
    # Two topics (axes 0 and 1) written in two languages; language "b" adds an offset on axis 2
    # that is larger than the topic difference, so raw vectors group by language.
    topic = {"phones": np.array([1.0, 0, 0, 0]), "parks": np.array([0, 1.0, 0, 0])}
    offset = {"a": np.zeros(4), "b": np.array([0, 0, 2.0, 0])}
    vectors, langs, topics = [], [], []
    for lang in ("a", "b"):
        for name, base in topic.items():
            for k in range(5):
                noise = np.array([0, 0, 0, 0.05 * k])
                vectors.append(_unit(base + offset[lang] + noise))
                langs.append(lang)
                topics.append(name)
    vectors = np.array(vectors)
    raw = vectors @ vectors.T
    # Raw: a language-"b" comment about phones is closer to "b" parks than to "a" phones.
    assert raw[10, 15] > raw[10, 0]
    # The codebook: the same two phrases in both languages (a topic-balanced prior).
    prior = np.array([_unit(topic[t] + offset[lang]) for lang in "ab" for t in topic])
    offsets = LanguageOffsets.fit(prior, ["a", "a", "b", "b"], vectors, langs)
    z = offsets.apply(vectors, langs)
    sims = z @ z.T
    for i in range(len(z)):
        order = [j for j in np.argsort(-sims[i]) if j != i]
        assert all(topics[j] == topics[i] for j in order[:9])


def test_a_skewed_language_keeps_its_topic_when_it_has_few_comments():
    # Language "b" wrote only about parks (3 comments): its own mean is mostly topic, so the
    # codebook's estimate of its offset must dominate and parks must stay parks.
    prior = np.array([[1.0, 0, 0], [0, 1.0, 0], [1.0, 0, 1.0], [0, 1.0, 1.0]])
    prior = np.array([_unit(v) for v in prior])
    vectors = np.array([_unit([1, 0, 0]), _unit([0, 1, 0])] + [_unit([0, 1, 1])] * 3)
    langs = ["a", "a", "b", "b", "b"]
    offsets = LanguageOffsets.fit(prior, ["a", "a", "b", "b"], vectors, langs)
    z = offsets.apply(vectors, langs)
    assert z[2] @ z[1] > z[2] @ z[0]


def test_a_label_is_the_opening_clause_of_a_comment_with_personal_data_hidden():
    assert phrase("Answer the phone faster. I waited an hour.") == "Answer the phone faster"
    long = (
        "When I call the city about my bins, which happens every week since March, nobody "
        "knows which department handles it and I get transferred around"
    )
    assert phrase(long) == "When I call the city about my bins"
    assert "jane@example.org" not in phrase("Email jane@example.org with the answer please")
    assert phrase("电话总是占线，没有人接。") == "电话总是占线，没有人接"


def test_the_analysts_language_is_preferred_when_nearly_as_central():
    texts = ["전화 대기가 너무 길어요", "The hold times are far too long", "Las esperas son largas"]
    label, labels = theme_labels(texts, ["ko", "en", "es"], [0.9, 0.85, 0.5], "en")
    assert label == "The hold times are far too long"
    assert labels["ko"] == "전화 대기가 너무 길어요" and labels["es"] == "Las esperas son largas"
    label, _ = theme_labels(texts, ["ko", "en", "es"], [0.9, 0.6, 0.5], "en")
    assert label == "전화 대기가 너무 길어요"
