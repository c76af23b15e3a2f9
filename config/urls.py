"""URLs: the admin, health checks and files outside the language prefix; everything residents
read inside it, so /ko/, /so/ and /am/ each serve their own language."""

from django.conf import settings
from django.conf.urls.i18n import i18n_patterns
from django.urls import include, path
from wagtail import urls as wagtail_urls
from wagtail.admin import urls as wagtailadmin_urls
from wagtail.documents import urls as wagtaildocs_urls

from analysis.opendata.urls import api_urlpatterns, page_urlpatterns
from config import health
from config.admin_auth import PostOnlyLogoutView

urlpatterns = [
    path("health/live", health.live, name="health-live"),
    path("health/ready", health.ready, name="health-ready"),
    path("admin/logout/", PostOnlyLogoutView.as_view(), name="wagtailadmin_logout"),
    path("admin/", include(wagtailadmin_urls)),
    path("documents/", include(wagtaildocs_urls)),
    path("api/open-data/v1/", include((api_urlpatterns, "opendata"))),
]

if settings.DEBUG:
    from django.conf.urls.static import static

    urlpatterns += static(settings.MEDIA_URL, document_root=settings.MEDIA_ROOT)

urlpatterns += i18n_patterns(
    path("", include("consultation.urls")),
    path("", include("analysis.urls")),
    path("", include((page_urlpatterns, "opendata_pages"))),
    path("", include(wagtail_urls)),
    prefix_default_language=True,
)

handler400 = "config.errors.bad_request"
handler403 = "config.errors.permission_denied"
handler404 = "config.errors.page_not_found"
handler500 = "config.errors.server_error"
