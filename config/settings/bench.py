"""Benchmarks only (bench/): production settings plus bare comparison views on loopback.

Never deployed: config.urls_bench mounts views that exist only to be measured against.
Rate limits are lifted so the load generator, one address, is not throttled.
"""

from .production import *  # noqa: F403

ROOT_URLCONF = "config.urls_bench"
RATE_LIMITS = {
    scope: {"limit": 10**9, "window": 600}
    for scope in ("comment", "status", "survey-response", "vote")
}
