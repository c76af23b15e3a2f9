"""Machine translation clients the city may switch on in settings; none is on by default.

``MACHINE_TRANSLATION = {"BACKEND": "libretranslate" | "google", "URL": ..., "API_KEY": ...}``.
With no backend named, `get_backend()` returns None and nothing anywhere calls out.

- LibreTranslate: an open-source server a city can run on its own machines
  (``POST /translate`` with ``q`` as a list, ``source``, ``target``, ``format``, ``api_key``;
  answers ``{"translatedText": [...]}``).
- Google Cloud Translation, Basic edition (v2): ``POST /language/translate/v2?key=...`` with
  ``q`` as a list, ``source``, ``target``, ``format``; answers
  ``{"data": {"translations": [{"translatedText": ...}]}}``. Chosen as the commercial example
  because it covers all nine of the site's languages, Somali, Tagalog and Amharic included.

Only the texts, their language and the target language are sent; stdlib HTTP, no SDK.
"""

from __future__ import annotations

import json
import urllib.error
import urllib.request
from dataclasses import dataclass
from typing import Protocol

from django.conf import settings

# Our codes -> the codes both services use where they differ (Chinese is the only one).
SERVICE_CODES = {"zh-hans": "zh", "zh_Hans": "zh"}


class TranslationError(Exception):
    """The service refused or did not answer; the request is stored as failed and retried."""


class TranslationBackend(Protocol):
    name: str
    version: str

    def translate(self, texts: list[str], *, source: str, target: str) -> list[str]: ...


def _code(language: str) -> str:
    return SERVICE_CODES.get(language, language)


def _post_json(url: str, payload: dict, *, timeout: float, headers: dict | None = None) -> dict:
    data = json.dumps(payload).encode()
    request = urllib.request.Request(  # noqa: S310 - the URL is the city's own setting
        url,
        data=data,
        method="POST",
        headers={"Content-Type": "application/json", **(headers or {})},
    )
    try:
        with urllib.request.urlopen(request, timeout=timeout) as response:  # noqa: S310
            return json.loads(response.read().decode())
    except urllib.error.HTTPError as error:
        raise TranslationError(f"HTTP {error.code}: {error.read()[:300]!r}") from error
    except (urllib.error.URLError, TimeoutError, ValueError) as error:
        raise TranslationError(str(error)) from error


def _check_count(texts: list[str], found) -> list[str]:
    if not isinstance(found, list) or len(found) != len(texts):
        raise TranslationError("The service answered with a different number of texts.")
    return [str(text) for text in found]


@dataclass
class LibreTranslateBackend:
    url: str
    api_key: str = ""
    timeout: float = 30.0
    name: str = "libretranslate"
    version: str = "api-v1"

    def translate(self, texts: list[str], *, source: str, target: str) -> list[str]:
        payload = {"q": texts, "source": _code(source), "target": _code(target), "format": "text"}
        if self.api_key:
            payload["api_key"] = self.api_key
        answer = _post_json(f"{self.url.rstrip('/')}/translate", payload, timeout=self.timeout)
        return _check_count(texts, answer.get("translatedText"))


@dataclass
class GoogleTranslateBackend:
    api_key: str
    url: str = "https://translation.googleapis.com"
    timeout: float = 30.0
    name: str = "google-translate"
    version: str = "v2"

    def translate(self, texts: list[str], *, source: str, target: str) -> list[str]:
        payload = {"q": texts, "source": _code(source), "target": _code(target), "format": "text"}
        endpoint = f"{self.url.rstrip('/')}/language/translate/v2"
        answer = _post_json(endpoint, payload, timeout=self.timeout, headers=self._auth())
        rows = (answer.get("data") or {}).get("translations")
        return _check_count(texts, [row.get("translatedText") for row in rows or []] or None)

    def _auth(self) -> dict:
        return {"X-Goog-Api-Key": self.api_key}


def machine_translation_settings() -> dict:
    return {
        "BACKEND": "",
        "URL": "",
        "API_KEY": "",
        "TARGET_LANGUAGES": ["en"],
        "BATCH_SIZE": 50,
        "MAX_ATTEMPTS": 5,
        "TIMEOUT": 30,
        **getattr(settings, "MACHINE_TRANSLATION", {}),
    }


def get_backend() -> TranslationBackend | None:
    """The backend the settings name, or None when machine translation is off."""
    config = machine_translation_settings()
    name = (config["BACKEND"] or "").lower()
    if not name:
        return None
    if name == "libretranslate":
        return LibreTranslateBackend(
            url=config["URL"], api_key=config["API_KEY"], timeout=config["TIMEOUT"]
        )
    if name == "google":
        return GoogleTranslateBackend(
            api_key=config["API_KEY"],
            url=config["URL"] or "https://translation.googleapis.com",
            timeout=config["TIMEOUT"],
        )
    raise ValueError(f"Unknown MACHINE_TRANSLATION backend: {name}")
