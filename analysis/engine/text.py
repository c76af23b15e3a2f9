"""Text clean-up shared by every stage. The normal form and the fingerprint live in
`textkit.normalise`, shared with the web app; this module keeps the engine's names for them."""

from __future__ import annotations

from textkit.normalise import fingerprint, fold, normalise

__all__ = ["fingerprint", "fold", "normalise", "single_threaded_numerics"]


def single_threaded_numerics():
    """Context manager: one BLAS/OpenMP thread for the numeric libraries.

    Our matrices are small (a few thousand rows at a time), and on a two-core server shared with
    a web process and segmenters' own threads, multi-threaded BLAS and k-means spend their time
    spinning: measured 4-25x slower than one thread for SVD and k-means on this machine.
    """
    # threadpoolctl only reaches libraries already loaded: load scikit-learn's OpenMP runtime
    # (k-means) and BLAS first, or a later import would still start a full thread team.
    import sklearn.cluster  # noqa: F401
    import sklearn.decomposition  # noqa: F401
    from threadpoolctl import threadpool_limits

    return threadpool_limits(limits=1)
