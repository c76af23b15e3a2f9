"""The meetings section of a consultation page, given through the page's panel hook like the
survey app's section, so the page template stays the same for every app."""

from consultation.panels import Panel
from consultation.selectors.meetings import meetings_of


def meetings_panels(consultation, request) -> list[Panel]:
    listing = meetings_of(consultation=consultation)
    if not (listing.upcoming or listing.past):
        return []
    context = {"upcoming": listing.upcoming, "past": listing.past}
    return [Panel("consultation/meetings/_listing.html", context)]
