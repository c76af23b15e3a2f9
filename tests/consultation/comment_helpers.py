"""Helpers shared by the comment tests: find the demo draft in a language and post the
comment form the way a browser does (GET for the token, then POST)."""

import re

from consultation.demo import right_block_id
from consultation.models import BillOfRightsDraftPage

RIGHT = right_block_id("one-number")
OTHER_RIGHT = right_block_id("plain-language")


def draft(demo, code: str = "en", number: int = 2) -> BillOfRightsDraftPage:
    source = demo["drafts"][number - 1]
    return BillOfRightsDraftPage.objects.get(
        translation_key=source.translation_key, locale__language_code=code
    )


def form_url(page, code: str = "en", right: str | None = RIGHT) -> str:
    if right:
        return f"/{code}/comment/{page.pk}/{right}/"
    return f"/{code}/comment/{page.pk}/"


def form_token(client, url: str, **extra) -> str:
    html = client.get(url, **extra).content.decode()
    return re.search(r'name="form_token" value="([^"]+)"', html).group(1)


def post_comment(client, url: str, token: str | None = None, extra: dict | None = None, **fields):
    data = {"text": "A clear comment.", "stance": "agree", "language": "en", "form_token": token}
    if token is None:
        data["form_token"] = form_token(client, url, **(extra or {}))
    data.update(fields)
    return client.post(url, data, **(extra or {}))


def bulk_url(action: str, ids) -> str:
    """Wagtail's bulk action for the ticked comments of the moderation queue."""
    query = "&".join(f"id={pk}" for pk in ids)
    return f"/admin/bulk/consultation/comment/{action}/?next=/admin/comments/&{query}"


def bulk(client, action: str, ids, **data):
    return client.post(bulk_url(action, ids), data)


def reference_from(response) -> str:
    return re.search(r"code=([A-Z0-9]+)", response["Location"]).group(1)
