"""Write the view counts gathered in Redis to the database now.

Counted views are written every ``VIEW_FLUSH_SECONDS`` by whichever request
finds the interval over; run this from cron (say once a minute) so that the
last views before traffic stops are written too, and before reading totals in
the database. Without Redis views are written at once and there is nothing to do.
"""

from django.core.management.base import BaseCommand, CommandError
from django.db import DatabaseError

from pathways import view_counts


class Command(BaseCommand):
    help = "Write the view counts gathered in Redis to the database."

    def handle(self, *args, **options):
        try:
            views, guides = view_counts.flush()
        except DatabaseError as error:
            raise CommandError(f"views not written are kept in Redis: {error}") from error
        self.stdout.write(f"{views} view(s) of {guides} guide(s) written")
