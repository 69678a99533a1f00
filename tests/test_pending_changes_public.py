"""A pending change is invisible to visitors until published, then shows everywhere.

Also: an import never overwrites a pathway with a pending change unless forced.
"""

import json

import pytest
from django.core.management import call_command

from pathways import drafts
from pathways.exporting import export_json
from pathways.importing import import_paths
from pathways.models import Pathway, PendingChange
from tests import factories

WORD = "zanzibarish"
NEW_TITLE = f"A {WORD.capitalize()} Guide"
SEARCH = f"/search/?q={WORD}"


def live_guide():
    role = factories.make_role("Data Analyst")
    pathway = factories.make_full_guide(factories.make_pathway(to_role=role))
    factories.make_hub(role, pathway)
    return pathway


def draft_of(pathway, **changes):
    """A pending change as the admin stores it: the export's record, edited."""
    record = next(p for p in export_json()["pathways"] if p["slug"] == pathway.slug)
    return PendingChange.objects.create(pathway=pathway, record=record | changes)


def public_pages(client, pathway):
    addresses = [
        pathway.get_absolute_url(),
        pathway.to_role.get_absolute_url(),
        SEARCH,
        "/sitemap-guides.xml",
        f"/api/v1/pathways/{pathway.slug}/",
    ]
    return {address: client.get(address).content.decode() for address in addresses}


@pytest.mark.django_db
def test_visitors_never_see_a_pending_change(client):
    pathway = live_guide()
    before = public_pages(client, pathway)

    draft_of(pathway, title=NEW_TITLE)
    after = public_pages(client, pathway)

    assert after == before
    showing = [address for address, body in after.items() if WORD in body.casefold()]
    assert showing == [SEARCH]  # which repeats the words asked for
    assert pathway.get_absolute_url() not in after[SEARCH]


@pytest.mark.django_db
def test_a_published_change_shows_on_every_page_at_once(client):
    pathway = live_guide()
    public_pages(client, pathway)  # cached as they were
    draft_of(pathway, title=NEW_TITLE)

    drafts.publish(pathway.pk)
    after = public_pages(client, pathway)

    showing = {address for address, body in after.items() if WORD in body.casefold()}
    assert showing == set(after) - {"/sitemap-guides.xml"}  # the sitemap lists addresses
    assert pathway.get_absolute_url() in after[SEARCH]
    assert Pathway.objects.get().title == NEW_TITLE


def write_export(tmp_path, **changes):
    document = export_json()
    document["pathways"][0] |= changes
    path = tmp_path / "export.json"
    path.write_text(json.dumps(document), "utf-8")
    return path


@pytest.mark.django_db
def test_import_keeps_a_pathway_with_a_pending_change(tmp_path):
    pathway = live_guide()
    source = write_export(tmp_path, title="The importer's title")
    draft_of(pathway, title=NEW_TITLE)

    report = import_paths([source])

    assert (report.held, report.updated) == ([pathway.slug], [])
    assert Pathway.objects.get().title == pathway.title
    assert PendingChange.objects.get().record["title"] == NEW_TITLE


@pytest.mark.django_db
def test_forced_import_overwrites_the_live_guide_and_keeps_the_draft(tmp_path):
    pathway = live_guide()
    source = write_export(tmp_path, title="The importer's title")
    draft_of(pathway, title=NEW_TITLE)

    report = import_paths([source], force=True)

    assert (report.held, report.updated) == ([], [pathway.slug])
    assert Pathway.objects.get().title == "The importer's title"
    assert PendingChange.objects.get().record["title"] == NEW_TITLE


@pytest.mark.django_db
def test_import_command_names_the_pending_draft(tmp_path, capsys):
    pathway = live_guide()
    source = write_export(tmp_path, title="The importer's title")
    draft_of(pathway, title=NEW_TITLE)

    call_command("import_pathways", str(source))

    assert capsys.readouterr().out.splitlines()[-1] == (
        f"kept {pathway.slug}: it has a pending draft in the admin; publish or discard it "
        "first (--force to overwrite the live guide and keep the draft)"
    )
