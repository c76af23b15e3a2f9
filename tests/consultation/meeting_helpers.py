"""Helpers for the meeting tests: the demo meetings in a language, and the sign-up form posted
the way a browser does (GET for the token, then POST)."""

import re

from consultation.models import MeetingPage


def meeting(demo, code: str = "en", kind: str = "upcoming") -> MeetingPage:
    source = demo["meetings"][0 if kind == "upcoming" else 1]
    return MeetingPage.objects.get(
        translation_key=source.translation_key, locale__language_code=code
    )


def signup_url(page, code: str = "en") -> str:
    return f"/{code}/meetings/{page.pk}/sign-up/"


def signup_token(client, url: str, **extra) -> str:
    html = client.get(url, **extra).content.decode()
    return re.search(r'name="form_token" value="([^"]+)"', html).group(1)


def post_signup(client, page, code: str = "en", token: str | None = None, **fields):
    url = signup_url(page, code)
    data = {"places": "1", "form_token": token or signup_token(client, url), **fields}
    return client.post(url, data, **{k: v for k, v in fields.items() if k.startswith("HTTP_")})
