"""Benchmarks only (bench/): production settings plus bare comparison views on loopback.

Never deployed: config.urls_bench mounts views that exist only to be measured against.
Rate limits are lifted so the load generator, one address, is not throttled.
"""

from .production import *  # noqa: F403

ROOT_URLCONF = "config.urls_bench"
RATE_LIMITS = {}
COMMENT_RATE_LIMITS = {"comment": (10**9, 600), "status": (10**9, 600)}
