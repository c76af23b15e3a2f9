"""Statements in the Wagtail admin: a translatable snippet (wagtail-localize offers
"Translate" on each), listed with where it came from; staff write, order and withdraw them.
Statements residents proposed arrive through the comment moderation queue."""

from django import forms
from django.utils.translation import gettext_lazy as _
from wagtail.admin.forms import WagtailAdminModelForm
from wagtail.admin.panels import FieldPanel, ObjectList
from wagtail.snippets.views.snippets import SnippetViewSet

from consultation.models import Statement
from consultation.views.queue import right_choices


def statement_right_choices():
    """No right, or one of the rights of the drafts (keys are stable across versions)."""
    return [("", "—"), *[(key, title) for key, title in right_choices() if key != "-"]]


class StatementForm(WagtailAdminModelForm):
    right_key = forms.ChoiceField(label=_("right"), choices=statement_right_choices, required=False)


class StatementViewSet(SnippetViewSet):
    model = Statement
    icon = "list-ul"
    menu_label = _("Statements")
    menu_order = 260
    add_to_admin_menu = True
    list_display = ["text", "consultation", "status", "origin", "locale"]
    list_filter = ["status", "origin", "locale"]
    search_fields = ["text"]
    edit_handler = ObjectList(
        [
            FieldPanel("consultation"),
            FieldPanel("text"),
            FieldPanel("right_key"),
            FieldPanel("theme_keys"),
            FieldPanel("status"),
            FieldPanel("sort_order"),
        ],
        base_form_class=StatementForm,
    )
