"""Erase a resident's personal data on request, by reference code or email address, keeping
what they said in anonymised form: their comments and their survey responses (a survey receipt
code is a reference code too). See docs/data-protection.md."""

from django.core.management.base import BaseCommand, CommandError

from consultation import services as comments
from survey import services as surveys


class Command(BaseCommand):
    help = (
        "Remove a resident's name, email, district, address hash and contact consents from "
        "their comments, and email answers from their survey responses, and replace what they "
        "wrote with its redacted form. Identify them by --reference or --email."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--reference", default="", help="A comment's reference or a survey receipt code."
        )
        parser.add_argument(
            "--email", default="", help="Every comment sent, or survey answer given, with it."
        )
        parser.add_argument(
            "--dry-run", action="store_true", help="Say what would change, change nothing."
        )

    def handle(self, *args, reference: str, email: str, dry_run: bool, **options):
        if not reference and not email:
            raise CommandError("Give --reference or --email.")
        found = comments.comments_for_participant(reference=reference, email=email)
        responses = surveys.responses_for_participant(reference=reference, email=email)
        if not found.exists() and not responses:
            raise CommandError("No comments or survey responses match.")
        if dry_run:
            codes = ", ".join(list(found.values_list("reference", flat=True)[:50]))
            self.stdout.write(
                f"{found.count()} comment(s) and {len(responses)} survey response(s) would be "
                f"anonymised: {codes}"
            )
            return
        erased = comments.participant_erase(reference=reference, email=email)
        answered = surveys.survey_responses_erase(reference=reference, email=email)
        self.stdout.write(
            self.style.SUCCESS(f"Anonymised {erased} comment(s) and {answered} survey response(s).")
        )
