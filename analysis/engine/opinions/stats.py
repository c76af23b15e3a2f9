"""Polis's test statistics, written to work on NumPy arrays as well as on plain numbers.

Both tests add one pseudo-count to every count before testing, as Polis does, so a statement
seen by nobody gives finite figures and a tiny group never looks certain.
"""

from __future__ import annotations

import numpy as np

Z_90 = 1.2816  # one-sided 90% critical value Polis uses for every significance check


def pseudo_probability(successes, trials):
    """(successes + 1) / (trials + 2): Polis's estimate with one pseudo-vote each way."""
    return (np.asarray(successes, dtype=float) + 1.0) / (np.asarray(trials, dtype=float) + 2.0)


def prop_test(successes, trials):
    """One-proportion z-test of ``successes`` out of ``trials`` against one half."""
    s = np.asarray(successes, dtype=float) + 1.0
    n = np.asarray(trials, dtype=float) + 1.0
    return 2.0 * np.sqrt(n) * (s / n - 0.5)


def two_prop_test(succ_in, succ_out, trials_in, trials_out):
    """Two-proportion z-test, inside against outside; 0 where the pooled share is 1."""
    s1 = np.asarray(succ_in, dtype=float) + 1.0
    s2 = np.asarray(succ_out, dtype=float) + 1.0
    n1 = np.asarray(trials_in, dtype=float) + 1.0
    n2 = np.asarray(trials_out, dtype=float) + 1.0
    pooled = (s1 + s2) / (n1 + n2)
    spread = pooled * (1.0 - pooled) * (1.0 / n1 + 1.0 / n2)
    with np.errstate(divide="ignore", invalid="ignore"):
        z = (s1 / n1 - s2 / n2) / np.sqrt(spread)
    return np.where(pooled >= 1.0, 0.0, z)


def significant(z) -> np.ndarray | bool:
    """True where a z value clears Polis's one-sided 90% bar."""
    return np.asarray(z) > Z_90
