"""Kiosks in the admin, on Wagtail's model viewset: issue one (name and end time), see each
kiosk's link, state and comment count, and revoke it. Nobody edits or deletes a kiosk
(consultation/rules.py), so the comments sent from it keep naming it."""

from datetime import timedelta

from django import forms
from django.core.exceptions import PermissionDenied
from django.db.models import Count
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.urls import path, reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from wagtail.admin import messages
from wagtail.admin.forms import WagtailAdminModelForm
from wagtail.admin.ui.tables import Column
from wagtail.admin.views.generic.models import CreateView, IndexView
from wagtail.admin.viewsets.model import ModelViewSet
from wagtail.admin.widgets.button import MenuItem

from consultation.kiosks.access import kiosk_link
from consultation.kiosks.services import MAX_DAYS, kiosk_issue, kiosk_revoke
from consultation.models.kiosks import Kiosk
from consultation.rules import kiosk_policy

DEFAULT_HOURS = 8


def _default_end():
    return timezone.localtime() + timedelta(hours=DEFAULT_HOURS)


class KioskForm(WagtailAdminModelForm):
    class Meta:
        model = Kiosk
        fields = ["name", "expires_at"]

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["expires_at"].initial = _default_end
        self.fields["expires_at"].help_text = _(
            "The link stops working then (at most %(days)s days from now)."
        ) % {"days": MAX_DAYS}

    def clean_expires_at(self):
        value = self.cleaned_data["expires_at"]
        if value <= timezone.now():
            raise forms.ValidationError(_("Choose a time in the future."))
        return value


def _state(kiosk: Kiosk) -> str:
    if kiosk.revoked_at:
        return str(_("Revoked"))
    return str(_("Working")) if kiosk.is_active() else str(_("Expired"))


def _link(kiosk: Kiosk) -> str:
    return kiosk_link(kiosk) if kiosk.is_active() else ""


class KioskIndexView(IndexView):
    def get_base_queryset(self):
        return super().get_base_queryset().annotate(comment_count=Count("comments"))

    def get_edit_url(self, instance):
        return None

    def get_list_more_buttons(self, instance):
        buttons = super().get_list_more_buttons(instance)
        if instance.revoked_at is None and kiosk_policy.user_has_permission(
            self.request.user, "revoke"
        ):
            url = reverse("kiosks:revoke", args=[instance.pk])
            buttons.append(MenuItem(_("Revoke"), url=url, icon_name="cross", priority=40))
        return buttons


class KioskCreateView(CreateView):
    def save_instance(self):
        data = self.form.cleaned_data
        return kiosk_issue(name=data["name"], expires_at=data["expires_at"], user=self.request.user)

    def get_success_buttons(self):
        return []


def revoke_view(request, pk: int):
    """Confirm (GET) and revoke (POST) one kiosk."""
    if not kiosk_policy.user_has_permission(request.user, "revoke"):
        raise PermissionDenied
    kiosk = get_object_or_404(Kiosk, pk=pk)
    if request.method == "POST":
        kiosk_revoke(kiosk=kiosk, user=request.user)
        messages.success(request, _("Kiosk “%(name)s” revoked.") % {"name": kiosk.name})
        return redirect("kiosks:index")
    return TemplateResponse(request, "consultation/kiosks/revoke.html", {"kiosk": kiosk})


class KioskViewSet(ModelViewSet):
    model = Kiosk
    icon = "desktop"
    menu_label = _("Kiosks")
    add_to_admin_menu = False
    url_prefix = "kiosks"
    url_namespace = "kiosks"
    permission_policy = kiosk_policy
    index_view_class = KioskIndexView
    add_view_class = KioskCreateView
    copy_view_enabled = False
    inspect_view_enabled = False
    add_to_reference_index = False
    list_per_page = 50
    list_display = [
        "name",
        Column("state", label=_("State"), accessor=_state),
        "expires_at",
        Column("comment_count", label=_("Comments sent")),
        Column("link", label=_("Link to open on the device"), accessor=_link),
    ]

    def get_form_class(self, for_update=False):
        return KioskForm

    def get_urlpatterns(self):
        return super().get_urlpatterns() + [path("revoke/<int:pk>/", revoke_view, name="revoke")]
