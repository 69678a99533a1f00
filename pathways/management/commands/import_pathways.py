"""Import source-text pages (files or folders) and schema-1 JSON exports.

Everything is parsed and checked first, then written in one transaction, so a
bad file leaves the database exactly as it was. Re-running on the same input
changes nothing; a pathway edited in the admin since its last import is kept
unless --force.
"""

from django.core.management.base import BaseCommand, CommandError

from pathways.importing import ImportFailed, import_paths


class Command(BaseCommand):
    help = "Import transition guides and hubs from source text (.txt) or a JSON export."

    def add_arguments(self, parser):
        parser.add_argument("paths", nargs="+", help="Files or folders to import.")
        parser.add_argument(
            "--dry-run", action="store_true", help="Check and report; write nothing."
        )
        parser.add_argument(
            "--force",
            action="store_true",
            help="Overwrite pathways and hubs edited in the admin since their last import.",
        )

    def handle(self, *args, paths, dry_run, force, **options):
        try:
            report = import_paths(paths, force=force, dry_run=dry_run)
        except ImportFailed as failure:
            for line in failure.errors:
                self.stderr.write(line)
            count = len(failure.errors)
            raise CommandError(
                f"nothing imported: {count} problem{'s' if count != 1 else ''} found"
            ) from None
        verb = "would be" if dry_run else "were"
        for label, slugs in (
            ("created", report.created),
            ("updated", report.updated),
            ("unchanged", report.unchanged),
        ):
            if slugs:
                self.stdout.write(f"{len(slugs)} pathway(s) {verb} {label}", ending="\n")
                if options["verbosity"] > 1:
                    for slug in slugs:
                        self.stdout.write(f"  {slug}")
        if report.hubs:
            self.stdout.write(f"{len(report.hubs)} hub(s) {verb} written: {', '.join(report.hubs)}")
        if report.rendered:
            self.stdout.write(
                f"{report.rendered} pathway(s) rendered in {report.render_seconds:.1f} s"
            )
        for slug in report.skipped:
            self.stdout.write(
                self.style.WARNING(
                    f"kept {slug}: edited in the admin since its last import (--force to overwrite)"
                )
            )
        for slug in report.held:
            self.stdout.write(
                self.style.WARNING(
                    f"kept {slug}: it has a pending draft in the admin; publish or discard "
                    "it first (--force to overwrite the live guide and keep the draft)"
                )
            )
        if dry_run:
            self.stdout.write("dry run: nothing was written")
