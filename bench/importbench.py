"""Import throughput: generated source text through the real importer, timed.

Run as ``python -m bench.importbench FOLDER`` with ``DATABASE_URL`` (and the
other site settings) in the environment: it migrates the database (untimed),
then times ``import_paths([FOLDER])``, parsing and the rendering of the stored
guide and card HTML included, and prints one JSON line.
"""

import json
import sys
import time


def import_folder(folder: str) -> dict:
    """Migrate, then import ``folder`` into an empty database and time the import."""
    from django.core.management import call_command
    from django.db import connection

    from pathways.importing import import_paths
    from pathways.models import Pathway

    call_command("migrate", verbosity=0, interactive=False)
    if Pathway.objects.exists():
        raise SystemExit("importbench needs an empty database")
    start = time.perf_counter()
    report = import_paths([folder])
    seconds = time.perf_counter() - start
    guides = Pathway.objects.filter(has_guide=True).count()
    return {
        "vendor": connection.vendor,
        "guides": guides,
        "hubs": len(report.hubs),
        "seconds": seconds,  # everything import_paths does, rendering included
        "render_seconds": report.render_seconds,
        "rendered": report.rendered,
        "guides_per_second": guides / seconds,
    }


def main(argv: list[str]) -> None:
    import django

    django.setup()
    print(json.dumps(import_folder(argv[0])))


if __name__ == "__main__":
    main(sys.argv[1:])
