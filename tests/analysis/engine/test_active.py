from analysis.engine import CodedExample, suggest_next_to_code


def test_suggestions_are_uncoded_unique_and_limited(codebook, corpus):
    coded = [CodedExample(corpus[0], (corpus[0].id.split("|")[0],))]
    ids = suggest_next_to_code(corpus, codebook, coded, k=10)
    assert len(ids) == 10
    assert len(set(ids)) == 10
    assert corpus[0].id not in ids


def test_suggestions_prefer_comments_the_codebook_does_not_explain(codebook, corpus):
    ids = suggest_next_to_code(corpus, codebook, (), k=10)
    assert any(i.startswith("parks|") for i in ids)


def test_nothing_left_to_code(codebook, corpus):
    coded = [CodedExample(it, ()) for it in corpus]
    assert suggest_next_to_code(corpus, codebook, coded, k=5) == []
