"""Store the guide and card HTML of every pathway whose stored HTML is missing or outdated.

Saving in the admin and importing keep it current on their own; run this after
deploying a release that changes the guide or card templates (the entrypoint
does), or with --all to render everything again.
"""

from time import perf_counter

from django.core.management.base import BaseCommand

from pathways import rendering
from pathways.models import Pathway


class Command(BaseCommand):
    help = "Render and store the guide and card HTML of pathways whose stored HTML is outdated."

    def add_arguments(self, parser):
        parser.add_argument("--all", action="store_true", help="Render every pathway again.")

    def handle(self, *args, all, **options):
        started = perf_counter()
        if all:
            count = rendering.refresh(Pathway.objects.values_list("pk", flat=True))
        else:
            count = rendering.refresh_outdated()
        self.stdout.write(f"{count} pathway(s) rendered in {perf_counter() - started:.1f} s")
