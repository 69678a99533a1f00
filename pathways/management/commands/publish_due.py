"""Publish the pending changes whose publication time has come.

Run it from cron every minute (``* * * * * manage.py publish_due``): a change
scheduled for 10:00 is live by 10:01 at the latest, and every page, the
search, the sitemap, the API and the share image follow within a second of
that, since publishing goes through the ordinary save paths.
"""

from django.core.management.base import BaseCommand, CommandError
from django.utils import timezone
from django.utils.dateparse import parse_datetime

from pathways import drafts


class Command(BaseCommand):
    help = "Publish the pending changes whose publication time has come."

    def add_arguments(self, parser):
        parser.add_argument(
            "--now",
            help="Publish what is due at this ISO date and time instead of the current time.",
        )
        parser.add_argument(
            "--dry-run", action="store_true", help="List what is due; publish nothing."
        )

    def handle(self, *args, now, dry_run, **options):
        moment = timezone.now()
        if now is not None:
            moment = parse_datetime(now)
            if moment is None:
                raise CommandError(f"--now {now!r} is not an ISO date and time")
            if timezone.is_naive(moment):
                moment = timezone.make_aware(moment)
        if dry_run:
            due = drafts.due(moment).order_by("publish_at").values_list("pathway__slug", flat=True)
            for slug in due:
                self.stdout.write(f"due: {slug}")
            self.stdout.write("dry run: nothing was published")
            return
        for slug in drafts.publish_due(moment):
            self.stdout.write(f"published {slug}")
