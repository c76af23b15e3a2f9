"""The names people read for the codes stored with what residents said: channels, languages,
districts and rights. Reports, charts, exports and admin screens (and the open data API) ask
here, so "in_person" reads "In person" and "district_4" reads "District 4" everywhere.

Channels and languages are known to the kernel; district and right names belong to a
consultation's survey and drafts, so callers pass those in (a code without a name is shown
as stored rather than dropped)."""

from django.utils.translation import get_language_info
from django.utils.translation import gettext as _

from participation.channels import Channel

NOT_GIVEN = ("", "unknown", "und")


def channel_name(value: str) -> str:
    try:
        return str(Channel(value).label)
    except ValueError:
        return value or _("Not given")


def language_name(code: str) -> str:
    """The language's name in the reader's language ("Korean", "한국어" for a Korean reader)."""
    if code in NOT_GIVEN:
        return _("Not detected")
    try:
        return str(get_language_info(code)["name_translated"])
    except KeyError:
        return code


def district_name(value: str, *, names: dict[str, str] | None = None) -> str:
    if value in NOT_GIVEN:
        return _("Not given")
    return (names or {}).get(value) or value


def right_name(value: str, *, titles: dict[str, str] | None = None) -> str:
    if not value:
        return _("Whole draft or survey")
    return (titles or {}).get(value) or value


def group_name(dimension: str, value: str, *, districts: dict[str, str] | None = None) -> str:
    """The name of one value of a report's group ("language", "channel" or "district")."""
    if dimension == "channel":
        return channel_name(value)
    if dimension == "language":
        return language_name(value)
    if dimension == "district":
        return district_name(value, names=districts)
    return value
