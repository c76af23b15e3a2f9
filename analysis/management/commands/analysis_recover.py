"""Run before starting workers: requeue analysis runs a stopped worker left half-done."""

from django.core.management.base import BaseCommand

from analysis.services import analysis_runs_requeue_stale


class Command(BaseCommand):
    help = "Queue again analysis runs left RUNNING by a worker that stopped."

    def handle(self, *args, **options):
        requeued = analysis_runs_requeue_stale()
        self.stdout.write(f"Requeued {len(requeued)} stale analysis run(s).")
