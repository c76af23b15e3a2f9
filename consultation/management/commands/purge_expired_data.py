"""Run daily (cron or a scheduler): drops client-address hashes past their retention period and
import files that were checked but never confirmed."""

from django.core.management.base import BaseCommand

from consultation import services


class Command(BaseCommand):
    help = "Delete address hashes and unconfirmed import files past their retention period."

    def handle(self, *args, **options):
        result = services.expired_data_purge()
        self.stdout.write(
            f"Cleared {result['client_hashes']} address hash(es) and "
            f"{result['imports']} unconfirmed import file(s)."
        )
