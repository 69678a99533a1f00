import django.contrib.postgres.search
import django.db.models.deletion
from django.db import migrations, models

FTS = "pathways_search_fts"
DOCUMENTS = "pathways_searchdocument"
COLUMNS = "target, roles, skills, body"


def _fts_row(row: str) -> str:
    return ", ".join(f"{row}.{column}" for column in COLUMNS.split(", "))


# SQLite: an FTS5 index over the documents' texts (external content: the texts
# are stored once), kept in step by triggers. A later migration that makes
# Django rebuild the documents table on SQLite must create the triggers again.
SQLITE_CREATE = [
    f"""CREATE VIRTUAL TABLE {FTS} USING fts5({COLUMNS}, content='{DOCUMENTS}',
        content_rowid='pathway_id', tokenize='porter unicode61 remove_diacritics 2')""",
    f"""CREATE TRIGGER {FTS}_insert AFTER INSERT ON {DOCUMENTS} BEGIN
        INSERT INTO {FTS}(rowid, {COLUMNS}) VALUES (new.pathway_id, {_fts_row("new")}); END""",
    f"""CREATE TRIGGER {FTS}_delete AFTER DELETE ON {DOCUMENTS} BEGIN
        INSERT INTO {FTS}({FTS}, rowid, {COLUMNS})
        VALUES ('delete', old.pathway_id, {_fts_row("old")}); END""",
    f"""CREATE TRIGGER {FTS}_update AFTER UPDATE ON {DOCUMENTS} BEGIN
        INSERT INTO {FTS}({FTS}, rowid, {COLUMNS})
        VALUES ('delete', old.pathway_id, {_fts_row("old")});
        INSERT INTO {FTS}(rowid, {COLUMNS}) VALUES (new.pathway_id, {_fts_row("new")}); END""",
]
SQLITE_DROP = [
    *(f"DROP TRIGGER IF EXISTS {FTS}_{event}" for event in ("insert", "delete", "update")),
    f"DROP TABLE IF EXISTS {FTS}",
]
POSTGRESQL_CREATE = [f"CREATE INDEX {DOCUMENTS}_vector_gin ON {DOCUMENTS} USING gin (vector)"]
POSTGRESQL_DROP = [f"DROP INDEX IF EXISTS {DOCUMENTS}_vector_gin"]


def _run(statements_by_vendor):
    def run(apps, schema_editor):
        for statement in statements_by_vendor.get(schema_editor.connection.vendor, []):
            schema_editor.execute(statement)

    return run


def index_existing_pathways(apps, schema_editor):
    # The site's own document builder, so that migrated rows are indexed exactly
    # as saved ones are (``pathways.search``).
    from pathways import search

    search.index_everything()


class Migration(migrations.Migration):
    dependencies = [
        ("pathways", "0006_stored_html_versions"),
    ]

    operations = [
        migrations.CreateModel(
            name="SearchDocument",
            fields=[
                (
                    "pathway",
                    models.OneToOneField(
                        on_delete=django.db.models.deletion.CASCADE,
                        primary_key=True,
                        related_name="search_document",
                        serialize=False,
                        to="pathways.pathway",
                    ),
                ),
                ("target", models.TextField()),
                ("roles", models.TextField()),
                ("skills", models.TextField()),
                ("body", models.TextField()),
                (
                    "vector",
                    django.contrib.postgres.search.SearchVectorField(editable=False, null=True),
                ),
            ],
            options={
                "default_permissions": (),
            },
        ),
        migrations.RunPython(
            _run({"sqlite": SQLITE_CREATE, "postgresql": POSTGRESQL_CREATE}),
            _run({"sqlite": SQLITE_DROP, "postgresql": POSTGRESQL_DROP}),
        ),
        migrations.RunPython(index_existing_pathways, migrations.RunPython.noop),
    ]
