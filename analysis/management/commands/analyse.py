"""`manage.py analyse --consultation <slug>`: analyse a consultation from the shell with a
progress bar, or hand the run to the background worker with --enqueue."""

from django.core.management.base import BaseCommand, CommandError
from tqdm import tqdm
from wagtail.models import Locale

from analysis.services import analysis_run_create, analysis_run_execute
from consultation.selectors.drafts import consultation_by_slug


class Command(BaseCommand):
    help = "Analyse a consultation's published comments and survey answers."

    def add_arguments(self, parser):
        parser.add_argument("--consultation", required=True, help="Slug of the consultation page")
        parser.add_argument(
            "--enqueue", action="store_true", help="Queue the run for the worker instead"
        )
        parser.add_argument("--no-emergent", action="store_true", help="Skip emergent themes")

    def handle(self, *args, **options):
        consultation = consultation_by_slug(
            options["consultation"], language=Locale.get_default().language_code
        )
        if consultation is None:
            raise CommandError(f"No consultation with the slug {options['consultation']!r}.")
        parameters = {"emergent": False} if options["no_emergent"] else {}
        run = analysis_run_create(
            consultation=consultation, parameters=parameters, enqueue=options["enqueue"]
        )
        if options["enqueue"]:
            self.stdout.write(f"Run {run.pk} queued with {len(run.input_ids)} items.")
            return
        bar = tqdm(total=max(1, len(run.input_ids)), desc="analysing", unit="item")
        state = {"stage": ""}

        def progress(stage, done, total):
            if stage != state["stage"]:
                state["stage"] = stage
                bar.set_description(stage)
            bar.total = max(1, total)
            bar.n = done
            bar.refresh()

        try:
            run = analysis_run_execute(run_id=run.pk, progress=progress)
        except Exception as error:
            bar.close()
            raise CommandError(f"Run {run.pk} failed: {error}") from error
        bar.close()
        self._report(run)

    def _report(self, run):
        totals = run.totals
        self.stdout.write(
            self.style.SUCCESS(
                f"Run {run.pk} finished: {totals.get('items', 0)} items, "
                f"{totals.get('themed_items', 0)} themed, "
                f"languages {totals.get('languages', {})}"
            )
        )
        for theme in run.themes.filter(item_count__gt=0).order_by("-item_count")[:25]:
            stance = ", ".join(f"{k} {v}" for k, v in sorted(theme.stance_counts.items()))
            langs = ", ".join(sorted(theme.language_counts))
            self.stdout.write(
                f"  {theme.item_count:5d}  {theme.name} [{theme.get_kind_display()}]"
                f"  stance: {stance or '-'}  languages: {langs or '-'}"
            )
            for sentence in theme.summary.get("sentences", [])[:2]:
                self.stdout.write(f"         {sentence['text']}")
            for quote in theme.summary.get("quotes", [])[:2]:
                self.stdout.write(f'         [{quote["language"]}] "{quote["text"][:100]}"')
