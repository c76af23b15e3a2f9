"""Seed the demo consultation (idempotent) and make sure an admin login exists."""

import importlib
import os

from django.contrib.auth import get_user_model
from django.core.management.base import BaseCommand

from consultation.demo import seed_demo

DEMO_ADMIN = "admin"
DEMO_DATA_APPS = ("consultation", "survey", "analysis")


class Command(BaseCommand):
    help = "Create the demo consultation, drafts and translations; print the admin login."

    def add_arguments(self, parser):
        parser.add_argument("--no-admin", action="store_true", help="Do not create an admin.")

    def handle(self, *args, **options):
        result = seed_demo()
        self.stdout.write(
            f"Demo consultation ready: {len(result['drafts'])} drafts, "
            f"{result['translations']} new translations."
        )
        for name, callback in self._extra_seeders():
            self.stdout.write(f"{name}: {callback()}")
        if options["no_admin"]:
            return
        password = os.environ.get("DEMO_ADMIN_PASSWORD", "demo-admin-2026")
        user_model = get_user_model()
        user, created = user_model.objects.get_or_create(
            username=DEMO_ADMIN, defaults={"is_staff": True, "is_superuser": True}
        )
        if created:
            user.set_password(password)
            user.save()
            self.stdout.write(
                self.style.SUCCESS(
                    f"Admin login: http://127.0.0.1:8000/admin/  user '{DEMO_ADMIN}'  "
                    f"password '{password}'"
                )
            )
        else:
            self.stdout.write(
                f"Admin login: http://127.0.0.1:8000/admin/  user '{DEMO_ADMIN}' (password "
                f"unchanged; DEMO_ADMIN_PASSWORD or 'changepassword {DEMO_ADMIN}' to reset)"
            )

    def _extra_seeders(self):
        """Each app may ship `<app>/demo_data.py` with `seed_demo_data() -> str` (surveys,
        comments, analysis runs); they run in this order, after the pages exist."""
        seeders = []
        for app in DEMO_DATA_APPS:
            try:
                module = importlib.import_module(f"{app}.demo_data")
            except ModuleNotFoundError as error:
                if error.name != f"{app}.demo_data":
                    raise
                continue
            seeders.append((app, module.seed_demo_data))
        return seeders
