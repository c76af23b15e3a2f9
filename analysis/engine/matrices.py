"""Small helpers for the mix of sparse (word) and dense (sentence) matrices the engine's views
produce. They live apart so that the modules using them (themes, learning, emergent) need not
import one another."""

from __future__ import annotations

import numpy as np
import scipy.sparse as sp


def dense(m) -> np.ndarray:
    """A NumPy array, whichever kind of matrix came in."""
    return m.toarray() if sp.issparse(m) else np.asarray(m)


def hstack_csr(mats: list) -> sp.csr_matrix:
    """The views' feature blocks side by side, as one sparse matrix a linear model can take."""
    return sp.hstack([sp.csr_matrix(m) for m in mats], format="csr")
