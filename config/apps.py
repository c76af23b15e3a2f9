"""The project package as an app, so site-wide signal handlers are connected once at start-up."""

from django.apps import AppConfig


class SiteConfig(AppConfig):
    name = "config"
    label = "site_config"
    verbose_name = "Site configuration"

    def ready(self) -> None:
        from wagtail.signals import page_published, page_unpublished

        from config import checks  # noqa: F401  (registers the deployment checks)
        from config.pagecache import invalidate_pages

        page_published.connect(invalidate_pages, dispatch_uid="pagecache-published")
        page_unpublished.connect(invalidate_pages, dispatch_uid="pagecache-unpublished")
