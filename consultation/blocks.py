"""StreamField blocks. A right's block id is its stable key: comments attach to it, and it
survives new revisions, page copies (Draft 2 starts as a copy of Draft 1) and translations."""

from django.utils.translation import gettext_lazy as _
from wagtail import blocks

from consultation.principles import Principle


class RightBlock(blocks.StructBlock):
    principle = blocks.ChoiceBlock(choices=Principle.choices, label=_("Principle"))
    title = blocks.CharBlock(max_length=200, label=_("Title"))
    statement = blocks.TextBlock(
        label=_("The right, in plain language"),
        help_text=_("One or two short sentences a resident can read aloud."),
    )
    commitment = blocks.TextBlock(
        label=_("What the city commits to"),
        help_text=_("Concrete, checkable promises: times, channels, what happens next."),
    )

    class Meta:
        icon = "tick-inverse"
        label = _("Right")


class DraftBodyBlock(blocks.StreamBlock):
    right = RightBlock()

    class Meta:
        block_counts = {"right": {"min_num": 1}}
