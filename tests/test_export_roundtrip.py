"""Any valid guide survives the database: import, export as source text, import
again into an empty database, and the JSON export is the same."""

import tempfile

from django.core.management import call_command
from hypothesis import HealthCheck, assume, given, settings

from pathways.exporting import export_json
from pathways.importing import Item, conflicts, import_paths, import_records
from pathways.models import Hub, Pathway, Role
from tests.sourcetext.strategies import guides, hubs


def empty_database():
    Hub.objects.all().delete()
    Pathway.objects.all().delete()
    Role.objects.all().delete()


# Derandomized so CI sees the same examples on every run. The database is
# emptied inside each example, so sharing the test's transaction is safe.
THROUGH_THE_DATABASE = settings(
    max_examples=40,
    deadline=None,
    derandomize=True,
    database=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)


@THROUGH_THE_DATABASE
@given(guides(), hubs)
def test_export_source_then_import_gives_same_json(db, guide, hub):
    assume(guide.from_role != guide.to_role)
    assume(all(p.from_role != p.to_role for p in hub.pathways))
    # Records the importer refuses (too long for a column, say) have their own tests.
    assume(conflicts([Item("generated", guide), Item("generated", hub)]) == [])
    empty_database()
    import_records([guide, hub])
    exported = export_json()
    assert len(exported["pathways"]) == len(
        {(guide.from_role, guide.to_role)} | {(p.from_role, p.to_role) for p in hub.pathways}
    )

    with tempfile.TemporaryDirectory() as folder:
        call_command("export_pathways", "--format", "source", "--output", folder, verbosity=0)
        empty_database()
        import_paths([folder])

    assert export_json() == exported
