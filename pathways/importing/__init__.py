"""Loading source pages (or a schema-1 JSON export) into the database.

Everything is read and checked before anything is written (``reading``), and
the writes run in one transaction (``loading``): a bad file in a batch leaves
the database as it was.
"""

from .loading import ImportReport, import_items
from .reading import (
    ImportFailed,
    Item,
    collect_files,
    conflicts,
    known_names,
    read_sources,
)

__all__ = [
    "ImportFailed",
    "ImportReport",
    "Item",
    "collect_files",
    "conflicts",
    "import_items",
    "import_paths",
    "import_records",
    "known_names",
    "read_sources",
]


def import_paths(paths, *, force=False, dry_run=False) -> ImportReport:
    """Parse the files and folders given and load them; see ``import_items``."""
    items, roles = read_sources(paths)
    return import_items(items, roles=roles, force=force, dry_run=dry_run)


def import_records(
    records, *, force=False, dry_run=False, path="<pasted>", user=None
) -> ImportReport:
    """Load already-parsed records (e.g. text pasted in the admin, by ``user``)."""
    items = [Item(path, r) for r in records]
    if errors := conflicts(items):
        raise ImportFailed(errors)
    return import_items(items, force=force, dry_run=dry_run, user=user)
