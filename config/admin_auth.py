"""The admin's log-out, POST only. Wagtail's own view deletes the session cookie whatever the
method, so a cross-site image pointing at /admin/logout/ could sign staff out; here a GET is
refused before anything is touched. The admin's own menu logs out with a POST form."""

from django.http import HttpResponseNotAllowed
from wagtail.admin.views.account import LogoutView


class PostOnlyLogoutView(LogoutView):
    def dispatch(self, request, *args, **kwargs):
        if request.method != "POST":
            return HttpResponseNotAllowed(["POST"])
        return super().dispatch(request, *args, **kwargs)
