"""Write the search document of every pathway (``pathways.search``).

Saves and imports keep the documents current and a migration writes them for
existing rows; run this after changing what search indexes, or to repair them.
"""

from time import perf_counter

from django.core.management.base import BaseCommand

from pathways import search


class Command(BaseCommand):
    help = "Write the search document of every pathway."

    def handle(self, *args, **options):
        started = perf_counter()
        count = search.index_everything()
        self.stdout.write(f"{count} pathway(s) indexed in {perf_counter() - started:.1f} s")
