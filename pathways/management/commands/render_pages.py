"""Store the guide and card HTML of every pathway whose stored HTML is missing or outdated.

Pages render and store what they miss on their own; run this after deploying
a release that moves ``TEMPLATE_VERSION`` on (the entrypoint does), so that no
visitor waits for it, or with --all to render everything again.
"""

from time import perf_counter

from django.core.management.base import BaseCommand

from pathways import caching


class Command(BaseCommand):
    help = "Render and store the guide and card HTML of pathways whose stored HTML is outdated."

    def add_arguments(self, parser):
        parser.add_argument("--all", action="store_true", help="Render every pathway again.")

    def handle(self, *args, all, **options):
        started = perf_counter()
        count = caching.store_outdated_html(everything=all)
        self.stdout.write(f"{count} pathway(s) rendered in {perf_counter() - started:.1f} s")
