"""Revisions of pathways: recorded by admin saves and list actions, compared, reverted."""

import pytest
from reversion.models import Version

from pathways import revisions
from pathways.models import Pathway
from tests.support import exported

from .support import change_form_data, make_faq, make_pathway, make_phase

pytestmark = pytest.mark.django_db


def make_guide():
    pathway = make_pathway(overview="First paragraph.\n\nSecond paragraph.")
    make_phase(pathway, 1, tasks="Read\nPractise")
    make_phase(pathway, 2, tasks="Build\nShip")
    make_faq(pathway, question="Is it hard?", answer="Not very.")
    return pathway


def save_change(client, pathway, **changes):
    data = change_form_data(client, pathway) | changes
    response = client.post(f"/admin/pathways/pathway/{pathway.pk}/change/", data)
    assert response.status_code == 302
    return response


def test_admin_save_records_a_revision_with_the_fields_changed(editor_client, editor):
    pathway = make_guide()
    save_change(editor_client, pathway, title="First title")

    save_change(editor_client, pathway, overview="New words.", **{"phases-0-tasks": "Read\nTeach"})

    newer, older = revisions.versions_of(pathway)
    changes = revisions.diff(older, newer)
    assert [(c.part, c.field, c.before, c.after) for c in changes] == [
        ("pathway", "overview", "First paragraph.\n\nSecond paragraph.", "New words."),
        ("roadmap phase “Phase 1”", "tasks", "Read\nPractise", "Read\nTeach"),
    ]
    assert changes[1].lines == ["@@ -1,2 +1,2 @@", " Read", "-Practise", "+Teach"]
    assert newer.revision.user == editor
    assert newer.revision.comment == "Changed Overview. Changed Tasks for roadmap phase “Phase 1”."


def test_unchanged_save_records_no_revision(editor_client):
    pathway = make_guide()

    save_change(editor_client, pathway)

    assert revisions.versions_of(pathway) == []


def test_revert_restores_the_exact_guide_and_moves_the_version_on(editor_client, editor):
    pathway = make_guide()
    save_change(editor_client, pathway, title="Kept title")
    Pathway.objects.filter(pk=pathway.pk).update(views=41)  # visitors' count, not content
    before = exported(pathway.slug)
    data = change_form_data(editor_client, pathway)
    data |= {"title": "Changed title", "phases-0-order": "2", "phases-1-order": "1"}
    data |= {"faqs-0-DELETE": "on", "skills-TOTAL_FORMS": "1", "skills-0-name": "SQL"}
    data |= {"skills-0-priority": "critical", "skills-0-weeks": "3", "skills-0-order": "0"}
    editor_client.post(f"/admin/pathways/pathway/{pathway.pk}/change/", data)
    pathway.refresh_from_db()
    assert exported(pathway.slug) != before
    version_before_revert = pathway.version
    kept = revisions.versions_of(pathway)[1]

    reverted = revisions.revert(kept, editor)

    assert exported(pathway.slug) == before
    assert (reverted.version, reverted.views) == (version_before_revert + 1, 41)
    latest = revisions.versions_of(pathway)[0]
    assert latest.revision.user == editor
    assert latest.revision.comment.startswith("Reverted to the revision of ")
    assert revisions.diff(kept, latest) == []


def test_publish_from_the_list_records_a_revision_of_each_pathway(editor_client, editor):
    first, second = make_pathway(), make_pathway()

    editor_client.post(
        "/admin/pathways/pathway/",
        {"action": "publish", "_selected_action": [first.pk, second.pk]},
    )

    for pathway in (first, second):
        (version,) = revisions.versions_of(pathway)
        assert version.field_dict["status"] == "published"
        assert version.revision.comment == "Publish selected pathways, from the list"
        assert version.revision.user == editor
    assert Version.objects.count() == 2
