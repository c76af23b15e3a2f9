"""A short-lived cache of the public pages anonymous residents read, shared by every app server
through the cache (Redis in production).

Rendering a translated draft costs tens of milliseconds of Python; the same bytes for the next
resident cost one cache read. Only responses that cannot differ between residents are kept:
GET/HEAD, status 200, under a language prefix, no cookie set, not varying on Cookie (so nothing
that touched the session or a CSRF token), asked for without a session cookie. Publishing or
unpublishing a page starts a new generation (every kept page is dropped at once); anything else
a page shows (comment counts) is at most PAGE_CACHE_SECONDS old.

Each worker also keeps the hottest pages and the generation number in its own memory for
PAGE_CACHE_LOCAL_SECONDS (1 s by default), so a traffic spike on one draft costs no cache round
trip at all; a publish reaches every server within that second.
"""

import hashlib
import logging
import threading
import time
from collections import OrderedDict

from django.conf import settings
from django.core.cache import cache
from django.http import HttpRequest, HttpResponse
from django.utils.cache import cc_delim_re

logger = logging.getLogger("config.pagecache")

GENERATION_KEY = "pagecache:generation"
ALLOWED_COOKIES = {"csrftoken", "django_language"}
SKIPPED_HEADERS = {"set-cookie", "x-request-id", "content-security-policy"}
LOCAL_ENTRIES = 64


class _LocalCopies:
    """Per-process memory: the generation number and up to LOCAL_ENTRIES recent pages."""

    def __init__(self):
        self.lock = threading.Lock()
        self.generation: tuple[int, float] | None = None
        self.pages: OrderedDict[str, tuple[float, object]] = OrderedDict()

    def current_generation(self, seconds: float) -> int:
        now = time.monotonic()
        with self.lock:
            if self.generation and now - self.generation[1] < seconds:
                return self.generation[0]
        value = cache.get(GENERATION_KEY, 0)
        with self.lock:
            self.generation = (value, now)
        return value

    def get(self, key: str, seconds: float):
        with self.lock:
            found = self.pages.get(key)
            if found and time.monotonic() - found[0] < seconds:
                self.pages.move_to_end(key)
                return found[1]
        return None

    def put(self, key: str, value) -> None:
        with self.lock:
            self.pages[key] = (time.monotonic(), value)
            self.pages.move_to_end(key)
            while len(self.pages) > LOCAL_ENTRIES:
                self.pages.popitem(last=False)

    def clear(self) -> None:
        with self.lock:
            self.generation = None
            self.pages.clear()


local_copies = _LocalCopies()


def invalidate_pages(**_kwargs) -> None:
    """Drop every cached page (connected to Wagtail's publish signals; apps may call it)."""
    local_copies.clear()
    try:
        if not cache.add(GENERATION_KEY, 1, timeout=None):
            cache.incr(GENERATION_KEY)
    except Exception:  # a cache outage must not stop an editor publishing; pages expire anyway
        logger.warning("page cache invalidation failed", exc_info=True)


def _cacheable_request(request: HttpRequest, prefixes: tuple[str, ...]) -> bool:
    if request.method not in ("GET", "HEAD"):
        return False
    if not request.path.startswith(prefixes) or len(request.META.get("QUERY_STRING", "")) > 200:
        return False
    return set(request.COOKIES) <= ALLOWED_COOKIES


def _cacheable_response(response: HttpResponse) -> bool:
    if response.status_code != 200 or response.streaming or response.cookies:
        return False
    vary = {v.strip().lower() for v in cc_delim_re.split(response.get("Vary", "")) if v}
    cache_control = response.get("Cache-Control", "")
    return (
        "cookie" not in vary
        and "*" not in vary
        and "private" not in cache_control
        and ("no-store" not in cache_control)
    )


class PageCacheMiddleware:
    """Placed before SessionMiddleware so it sees every cookie and Vary header the inner
    layers add; after the security middleware so cached pages still get fresh headers."""

    def __init__(self, get_response):
        self.get_response = get_response
        self.seconds = settings.PAGE_CACHE_SECONDS
        self.local_seconds = settings.PAGE_CACHE_LOCAL_SECONDS
        self.prefixes = tuple(f"/{code}/" for code, _name in settings.LANGUAGES)

    def _key(self, request: HttpRequest, generation: int) -> str:
        url = request.get_full_path()
        digest = hashlib.sha256(url.encode()).hexdigest()[:40]
        return f"pagecache:{generation}:{request.method}:{digest}"

    def __call__(self, request: HttpRequest) -> HttpResponse:
        if not self.seconds or not _cacheable_request(request, self.prefixes):
            return self.get_response(request)
        try:
            generation = local_copies.current_generation(self.local_seconds)
            key = self._key(request, generation)
            stored = local_copies.get(key, self.local_seconds)
            if stored is None:
                stored = cache.get(key)
                if stored is not None:
                    local_copies.put(key, stored)
        except Exception:  # the cache is an optimisation: serve the page without it
            logger.warning("page cache unavailable", exc_info=True)
            return self.get_response(request)
        if stored is not None:
            content, headers = stored
            response = HttpResponse(content)
            for name, value in headers:
                response[name] = value
            response["X-Page-Cache"] = "hit"
            return response
        response = self.get_response(request)
        if _cacheable_response(response):
            headers = [(k, v) for k, v in response.items() if k.lower() not in SKIPPED_HEADERS]
            try:
                cache.set(key, (response.content, headers), timeout=self.seconds)
                local_copies.put(key, (response.content, headers))
            except Exception:
                logger.warning("page cache unavailable", exc_info=True)
            response["X-Page-Cache"] = "miss"
        return response
