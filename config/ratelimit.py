"""The RATE_LIMITS entries that name a path are applied here, before any view runs, with the
participation kernel's one limiter and client-address policy (participation/ratelimit.py)."""

import re
from functools import cache as memoize

from django.conf import settings
from django.http import HttpRequest, HttpResponse

from config.errors import too_many_requests
from participation import ratelimit


@memoize
def _compiled(pattern: str) -> re.Pattern:
    return re.compile(pattern)


class RateLimitMiddleware:
    """Apply the path rules of RATE_LIMITS and answer with the translated 429 page (with
    Retry-After)."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        for scope, rule in settings.RATE_LIMITS.items():
            if "path" not in rule or request.method not in rule.get("methods", ()):
                continue
            if not _compiled(rule["path"]).search(request.path_info):
                continue
            verdict = ratelimit.check(request, scope)
            if not verdict.allowed:
                return too_many_requests(request, retry_after=verdict.retry_after)
        return self.get_response(request)
