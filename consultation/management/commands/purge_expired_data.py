"""Run daily (cron or a scheduler): drops client-address hashes past their retention period,
import files that were checked but never confirmed, and the contact details of residents who
signed up for a meeting that is over."""

from django.core.management.base import BaseCommand

from consultation import services
from consultation.meetings.services import meeting_signups_purge


class Command(BaseCommand):
    help = "Delete address hashes and unconfirmed import files past their retention period."

    def handle(self, *args, **options):
        result = services.expired_data_purge()
        signups = meeting_signups_purge()
        self.stdout.write(
            f"Cleared {result['client_hashes']} address hash(es), "
            f"{result['imports']} unconfirmed import file(s) and the details of "
            f"{signups} meeting sign-up(s)."
        )
