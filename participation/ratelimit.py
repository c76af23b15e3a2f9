"""One rate limiter with one client-address policy, for every form residents send and every path
the project limits (config/ratelimit.py applies the path rules as middleware).

Counts live in the shared cache (Redis in production), so every app server counts against the
same numbers, in fixed windows aligned to the clock, which gives an exact Retry-After. Clients
are told apart by a keyed hash of their address; the address itself is neither stored nor
logged. Limits are named in the RATE_LIMITS setting: ``{"limit": n, "window": seconds}``, plus
``"path"`` and ``"methods"`` for the ones the middleware applies.
"""

from __future__ import annotations

import hashlib
import hmac
import logging
import time
from dataclasses import dataclass

from django.conf import settings
from django.core.cache import cache

logger = logging.getLogger("participation.ratelimit")

# Used when RATE_LIMITS does not name the scope.
DEFAULT_LIMITS = {
    "comment": {"limit": 10, "window": 600},
    "kiosk-comment": {"limit": 200, "window": 3600},
    "status": {"limit": 60, "window": 600},
    "survey-response": {"limit": 10, "window": 3600},
    "vote": {"limit": 300, "window": 600},
    "meeting-signup": {"limit": 10, "window": 3600},
}


def client_address(request) -> str:
    """The client's address. Behind N trusted proxies (RATE_LIMIT_TRUSTED_PROXIES), the N-th
    entry from the right of X-Forwarded-For (what the nearest trusted proxy saw); otherwise
    REMOTE_ADDR. Entries further left are set by the client and never trusted."""
    address = request.META.get("REMOTE_ADDR", "")
    proxies = getattr(settings, "RATE_LIMIT_TRUSTED_PROXIES", 0)
    if proxies:
        forwarded = [a.strip() for a in request.META.get("HTTP_X_FORWARDED_FOR", "").split(",")]
        forwarded = [a for a in forwarded if a]
        if len(forwarded) >= proxies:
            address = forwarded[-proxies]
    return address


def pseudonym(address: str) -> str:
    """Keyed hash of an address: comparable for rate limits and abuse review, not reversible
    without the key (PSEUDONYM_KEY, else SECRET_KEY)."""
    key = (getattr(settings, "PSEUDONYM_KEY", "") or settings.SECRET_KEY).encode()
    return hmac.new(key, (address or "").encode(), hashlib.sha256).hexdigest()[:32]


def client_pseudonym(request) -> str:
    return pseudonym(client_address(request))


@dataclass(frozen=True)
class Verdict:
    allowed: bool
    retry_after: int = 0


def rule_for(scope: str) -> dict:
    return {**DEFAULT_LIMITS.get(scope, {}), **settings.RATE_LIMITS.get(scope, {})}


def cache_key(scope: str, ident: str, window: int, now: float | None = None) -> str:
    moment = time.time() if now is None else now
    return f"ratelimit:{scope}:{ident}:{int(moment // window)}"


def hit(scope: str, ident: str, *, limit: int, window: int) -> Verdict:
    """Count one request for `ident` in `scope`; allowed while within `limit` per `window`
    seconds. add() then incr() is atomic in Redis, so concurrent servers never under-count.
    A cache outage must not lock everyone out: the request is allowed and a warning logged."""
    now = time.time()
    key = cache_key(scope, ident, window, now)
    retry_after = max(1, int(window - now % window))
    try:
        if cache.add(key, 1, timeout=window + 1):
            count = 1
        else:
            try:
                count = cache.incr(key)
            except ValueError:  # expired between add and incr
                cache.add(key, 1, timeout=window + 1)
                count = 1
    except Exception:
        logger.warning("rate limit not counted: cache unavailable", exc_info=True)
        return Verdict(True)
    allowed = count <= limit
    return Verdict(allowed, 0 if allowed else retry_after)


def check(request, scope: str, *, ident: str | None = None) -> Verdict:
    """Count one request of this client against the named limit."""
    rule = rule_for(scope)
    return hit(
        scope,
        ident or client_pseudonym(request),
        limit=int(rule["limit"]),
        window=int(rule["window"]),
    )
