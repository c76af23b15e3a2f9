"""Per-address rate limits kept in the cache (Redis in production, shared by every app server),
keyed by the keyed hash of the address, never the address itself."""

from django.conf import settings
from django.core.cache import cache

DEFAULT_LIMITS = {
    "comment": (10, 600),
    "status": (60, 600),
}


def limit_for(scope: str) -> tuple[int, int]:
    """(requests, seconds) for a scope; COMMENT_RATE_LIMITS overrides the defaults."""
    limits = {**DEFAULT_LIMITS, **getattr(settings, "COMMENT_RATE_LIMITS", {})}
    return limits[scope]


def allow(scope: str, client_hash: str) -> bool:
    """Count one request and say whether it is within the limit for the current window.
    `add` then `incr` is atomic on Redis and on the local-memory cache."""
    limit, window = limit_for(scope)
    key = f"ratelimit:{scope}:{client_hash}"
    if cache.add(key, 1, timeout=window):
        return True
    try:
        count = cache.incr(key)
    except ValueError:  # expired between add and incr
        cache.add(key, 1, timeout=window)
        return True
    return count <= limit
