"""Erase a resident's personal data on request, by reference code or email address, keeping
what they said in anonymised form. See docs/data-protection.md."""

from django.core.management.base import BaseCommand, CommandError

from consultation import services


class Command(BaseCommand):
    help = (
        "Remove a resident's name, email, district, address hash and contact consents, and "
        "replace their text with its redacted form. Identify them by --reference or --email."
    )

    def add_arguments(self, parser):
        parser.add_argument("--reference", default="", help="A comment's reference code.")
        parser.add_argument("--email", default="", help="Every comment sent with this email.")
        parser.add_argument(
            "--dry-run", action="store_true", help="Say how many comments would change."
        )

    def handle(self, *args, reference: str, email: str, dry_run: bool, **options):
        if not reference and not email:
            raise CommandError("Give --reference or --email.")
        comments = services.comments_for_participant(reference=reference, email=email)
        found = comments.count()
        if found == 0:
            raise CommandError("No comments match.")
        if dry_run:
            self.stdout.write(f"{found} comment(s) would be anonymised: {self._codes(comments)}")
            return
        erased = services.participant_erase(reference=reference, email=email)
        self.stdout.write(self.style.SUCCESS(f"Anonymised {erased} comment(s)."))

    @staticmethod
    def _codes(comments) -> str:
        return ", ".join(comments.values_list("reference", flat=True)[:50])
