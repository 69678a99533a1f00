"""Export every role, hub and pathway as JSON (schema 1) or as source-text files."""

import json
from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from pathways.exporting import (
    export_json,
    guide_record,
    hub_record,
    hubs_for_export,
    pathways_for_export,
)
from pathways.sourcetext import render


class Command(BaseCommand):
    help = "Print the content as schema-1 JSON, or write one source-text file per guide and hub."

    def add_arguments(self, parser):
        parser.add_argument("--format", choices=["json", "source"], default="json")
        parser.add_argument("--output", help="Folder for --format source.")

    def handle(self, *args, format, output, **options):
        if format == "json":
            self.stdout.write(json.dumps(export_json(), indent=2, ensure_ascii=False))
            return
        if not output:
            raise CommandError("--format source needs --output DIR")
        folder = Path(output)
        folder.mkdir(parents=True, exist_ok=True)
        written = 0
        for pathway in pathways_for_export().filter(has_guide=True).order_by("slug"):
            (folder / f"{pathway.slug}.txt").write_text(render(guide_record(pathway)), "utf-8")
            written += 1
        for hub in hubs_for_export().order_by("role__slug"):
            (folder / f"hub-{hub.role.slug}.txt").write_text(render(hub_record(hub)), "utf-8")
            written += 1
        self.stdout.write(f"wrote {written} file(s) to {folder}")
