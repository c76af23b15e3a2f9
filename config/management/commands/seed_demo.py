"""Seed the demo consultation (idempotent) and make sure an admin login exists.

A project-level command: it is the one place that knows every app, so each app's demo data
can build on the one below it (pages, then comments and surveys, then the analysis) without
an app importing an app above it."""

import os

from django.contrib.auth import get_user_model
from django.core.management.base import BaseCommand
from wagtail.models import Locale

from analysis import demo_data as analysis_demo
from analysis.services.opinions import opinions_refresh
from consultation import demo_data as comment_demo
from consultation import demo_statements
from consultation.demo import CONSULTATION_SLUG, right_block_id, seed_demo
from consultation.selectors.drafts import consultation_by_slug
from survey import demo_data as survey_demo

DEMO_ADMIN = "admin"


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
        """Comments and the survey once the pages exist, then the analysis of what they hold."""

        def analysis():
            consultation = consultation_by_slug(
                CONSULTATION_SLUG, language=Locale.get_default().language_code
            )
            return analysis_demo.seed_demo_data(consultation=consultation, right_key=right_block_id)

        def opinion_groups():
            consultation = consultation_by_slug(
                CONSULTATION_SLUG, language=Locale.get_default().language_code
            )
            snapshot = opinions_refresh(consultation_key=consultation.translation_key)
            figures = snapshot.figures
            return f"{figures['choice']['k']} groups from {figures['n_votes']} votes"

        return [
            ("consultation", comment_demo.seed_demo_data),
            ("statements", demo_statements.seed_demo_statements),
            ("survey", survey_demo.seed_demo_data),
            ("analysis", analysis),
            ("opinion groups", opinion_groups),
        ]
