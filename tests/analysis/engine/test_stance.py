from analysis.engine import TextItem
from analysis.engine.stance import stances


def test_form_stance_wins_over_text():
    out = stances([TextItem("a", "This is terrible and awful", "en", "agree")], ["en"])
    assert (out[0].stance, out[0].source, out[0].method) == ("agree", "form", "form")


def test_english_text_gets_labelled_sentiment_not_stance():
    out = stances([TextItem("a", "The staff were wonderful and helpful")], ["en"])
    assert (out[0].stance, out[0].source, out[0].method) == (
        "positive",
        "text",
        "vader-sentiment-en",
    )
    assert out[0].sentiment > 0


def test_other_languages_without_form_stance_have_none():
    out = stances([TextItem("a", "Сотрудники были грубы")], ["ru"])
    assert out[0].stance is None
