"""Fixed-window rate limits counted in the shared cache (Redis in production), so every app
server counts against the same numbers. Clients are told apart by a keyed hash of their address;
the address itself is neither stored nor logged.

`RATE_LIMITS` names each limit: a path pattern, the methods it counts, how many requests are
allowed and in how many seconds. Apps may also call `hit()` directly for their own limits.
"""

import hashlib
import hmac
import logging
import re
import time
from functools import cache as memoize

from django.conf import settings
from django.core.cache import cache
from django.http import HttpRequest, HttpResponse

from config.errors import too_many_requests

logger = logging.getLogger("config.ratelimit")


def client_pseudonym(request: HttpRequest) -> str:
    """A stable, non-reversible key for the client's address. Behind N trusted proxies
    (RATE_LIMIT_TRUSTED_PROXIES), the address is the N-th entry from the right of
    X-Forwarded-For; otherwise REMOTE_ADDR."""
    address = request.META.get("REMOTE_ADDR", "")
    proxies = settings.RATE_LIMIT_TRUSTED_PROXIES
    if proxies:
        forwarded = [a.strip() for a in request.META.get("HTTP_X_FORWARDED_FOR", "").split(",")]
        forwarded = [a for a in forwarded if a]
        if len(forwarded) >= proxies:
            address = forwarded[-proxies]
    key = (settings.PSEUDONYM_KEY or settings.SECRET_KEY).encode()
    return hmac.new(key, address.encode(), hashlib.sha256).hexdigest()[:32]


def hit(scope: str, ident: str, *, limit: int, window: int) -> bool:
    """Count one request for `ident` in `scope`; True while it is within `limit` per `window`
    seconds. add() then incr() is atomic in Redis, so concurrent servers never under-count."""
    key = f"ratelimit:{scope}:{ident}:{int(time.time() // window)}"
    if cache.add(key, 1, timeout=window + 1):
        return limit >= 1
    try:
        count = cache.incr(key)
    except ValueError:
        cache.add(key, 1, timeout=window + 1)
        count = 1
    return count <= limit


@memoize
def _compiled(pattern: str) -> re.Pattern:
    return re.compile(pattern)


class RateLimitMiddleware:
    """Apply RATE_LIMITS and answer with the translated 429 page (with Retry-After)."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        for scope, rule in settings.RATE_LIMITS.items():
            if request.method not in rule["methods"]:
                continue
            if not _compiled(rule["path"]).search(request.path_info):
                continue
            try:
                allowed = hit(
                    scope, client_pseudonym(request), limit=rule["limit"], window=rule["window"]
                )
            except Exception:  # a cache outage must not lock everyone out; readiness reports it
                logger.warning("rate limit not counted: cache unavailable", exc_info=True)
                allowed = True
            if not allowed:
                return too_many_requests(request)
        return self.get_response(request)
