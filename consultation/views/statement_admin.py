"""Statements in the Wagtail admin: a translatable snippet (wagtail-localize offers
"Translate" on each), listed with where it came from; staff write, order and withdraw them.
Statements residents proposed arrive through the comment moderation queue."""

from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel
from wagtail.snippets.views.snippets import SnippetViewSet

from consultation.models import Statement


class StatementViewSet(SnippetViewSet):
    model = Statement
    icon = "list-ul"
    menu_label = _("Statements")
    menu_order = 260
    add_to_admin_menu = True
    list_display = ["text", "consultation", "status", "origin", "locale"]
    list_filter = ["status", "origin", "locale"]
    search_fields = ["text"]
    panels = [
        FieldPanel("consultation"),
        FieldPanel("text"),
        FieldPanel("right_key"),
        FieldPanel("theme_keys"),
        FieldPanel("status"),
        FieldPanel("sort_order"),
    ]
