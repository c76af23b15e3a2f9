"""Send failed machine translations again (schedule it, e.g. hourly, beside the worker)."""

from django.core.management.base import BaseCommand

from participation.translations.tasks import machine_translations_retry_task


class Command(BaseCommand):
    help = "Queue failed machine translations that have attempts left (none when switched off)."

    def handle(self, *args, **options):
        result = machine_translations_retry_task.enqueue()
        self.stdout.write(f"Queued the retry task ({result.id}).")
