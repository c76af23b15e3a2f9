import socket

import pytest

from analysis.engine import (
    AnalysisOptions,
    AnalysisResult,
    TextItem,
    run_analysis,
)

from .conftest import make_corpus


@pytest.fixture(scope="module")
def result(codebook, corpus):
    events = []
    res = run_analysis(corpus, codebook, progress=lambda stage, done, total: events.append(stage))
    res.parameters["_events"] = events
    return res


def test_result_covers_every_stage(result):
    assert isinstance(result, AnalysisResult)
    for stage in ("languages", "duplicates", "tokenize", "assign", "emergent", "summaries"):
        assert stage in result.timings
        assert stage in result.parameters["_events"]


def test_codebook_comments_are_mostly_assigned_to_their_own_theme(result, corpus):
    own = [a for a in result.assignments if a.source == "codebook"]
    correct = [a for a in own if a.item_id.split("|")[0] == a.theme_key]
    assert len(own) > len(corpus) * 0.6
    assert len(correct) / len(own) > 0.8


def test_languages_are_recorded_per_item(result, corpus):
    assert set(result.languages) == {it.id for it in corpus}
    am = [g for i, g in result.languages.items() if "|am|" in i]
    assert all(g.code == "am" for g in am)


def test_off_codebook_topic_becomes_an_emergent_theme(result):
    parks = [t for t in result.emergent_themes if any(i.startswith("parks|") for i in t.item_ids)]
    assert parks
    assert any("park" in p or "tree" in p for p in parks[0].key_phrases)
    assert all(r in parks[0].item_ids for r in parks[0].representative_ids)


def test_summaries_have_counts_sentences_and_scrubbed_quotes(result):
    summary = next(s for s in result.summaries if s.theme_key == "waiting_times")
    assert summary.total == len(result.languages)
    assert sum(summary.language_counts.values()) == summary.count
    assert summary.sentences[0].text.startswith(f"{summary.count} of {summary.total} comments")
    assert len(summary.sentences[0].item_ids) == summary.count
    assert 3 <= len(summary.quotes) <= 5
    assert len({q.language for q in summary.quotes}) >= 3


def test_stance_from_form_and_english_sentiment_are_kept_apart(result):
    by_source = {s.source for s in result.stances}
    assert by_source <= {"form", "text"}
    for s in result.stances:
        if s.source == "text" and s.stance is not None:
            assert s.method == "vader-sentiment-en"
            assert s.stance in ("positive", "negative", "neutral")


def test_duplicate_campaigns_are_reported(codebook):
    letter = "Please guarantee that every phone request gets a call back within two working days"
    items = [TextItem(f"c{i}", letter, "en", "agree") for i in range(6)]
    items += [TextItem("x", "The forms are far too complicated to fill in", "en")]
    res = run_analysis(items, codebook)
    assert res.duplicate_groups[0].item_ids == tuple(f"c{i}" for i in range(6))
    summary = next(s for s in res.summaries if s.theme_key == "callbacks_follow_up")
    assert len(summary.quotes) == 1


def test_quotes_never_show_personal_data(codebook):
    items = [
        TextItem(f"p{i}", f"I was on hold for an hour, call me on (206) 684-24{i:02d}", "en")
        for i in range(5)
    ]
    res = run_analysis(items, codebook)
    quotes = [q.text for s in res.summaries for q in s.quotes]
    assert quotes and all("[phone]" in q and "684" not in q for q in quotes)


def test_empty_input_and_empty_codebook_work():
    assert run_analysis([], []).assignments == []
    res = run_analysis([TextItem("a", "hello there")], [])
    assert res.assignments == []


def test_no_network_during_a_full_run(monkeypatch, codebook):
    def refuse(*args, **kwargs):
        raise AssertionError("network access attempted")

    monkeypatch.setattr(socket.socket, "connect", refuse)
    monkeypatch.setattr(socket.socket, "connect_ex", refuse)
    monkeypatch.setattr(socket, "socket", refuse)
    monkeypatch.setattr(socket, "create_connection", refuse)
    monkeypatch.setattr(socket, "getaddrinfo", refuse)
    items = make_corpus(codebook, seed=3, repeats=1)
    res = run_analysis(items, codebook, options=AnalysisOptions(group_by="channel"))
    assert res.summaries
