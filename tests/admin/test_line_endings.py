"""Text typed in the admin is stored with "\n" line endings, so an unchanged save changes nothing."""

import importlib
import json

import pytest
from django.apps import apps
from django.contrib.admin.models import CHANGE, LogEntry

from pathways.models import FAQ, ActionItem, Pathway, RealityCheckItem, RoadmapPhase, Role
from pathways.text import normalise_line_endings

from .support import change_form_data, make_faq, make_pathway, make_phase

pytestmark = pytest.mark.django_db

normalising_migration = importlib.import_module("pathways.migrations.0008_normalise_line_endings")


def as_browser_sends(data):
    """Form data as a browser posts it: every textarea line ending in CR LF."""
    return {name: value.replace("\n", "\r\n") for name, value in data.items()}


def make_guide():
    pathway = make_pathway(
        overview="First paragraph.\n\nSecond paragraph.", demand="High\nand rising"
    )
    make_phase(pathway, 1, tasks="Read\nPractise", resources="A book\nA course")
    make_phase(pathway, 2, tasks="Build\nShip")
    make_faq(pathway, answer="Yes.\n\nBut slowly.")
    RealityCheckItem.objects.create(pathway=pathway, kind="love", text="Quiet\nmornings")
    ActionItem.objects.create(pathway=pathway, when="this_week", text="Start\ntoday")
    return pathway


def test_normalise_line_endings_makes_every_ending_a_line_feed():
    assert normalise_line_endings("a\r\nb\rc\nd\r\n\r\ne") == "a\nb\nc\nd\n\ne"


def test_unchanged_save_with_crlf_records_no_changed_fields(editor_client):
    pathway = make_guide()
    data = as_browser_sends(change_form_data(editor_client, pathway))
    assert "\r\n" in data["phases-0-tasks"]

    response = editor_client.post(f"/admin/pathways/pathway/{pathway.pk}/change/", data)

    assert response.status_code == 302
    entry = LogEntry.objects.get(object_id=str(pathway.pk), action_flag=CHANGE)
    assert json.loads(entry.change_message) == []
    assert entry.get_change_message() == "No fields changed."


def test_saved_text_is_stored_with_line_feeds(editor_client):
    pathway = make_guide()
    data = as_browser_sends(change_form_data(editor_client, pathway))
    data["phases-0-tasks"] = "Read\r\nPractise\r\nTeach"
    data["overview"] = "One.\r\rTwo."

    editor_client.post(f"/admin/pathways/pathway/{pathway.pk}/change/", data)

    pathway.refresh_from_db()
    entry = LogEntry.objects.get(object_id=str(pathway.pk), action_flag=CHANGE)
    assert pathway.overview == "One.\n\nTwo."
    assert pathway.demand == "High\nand rising"
    assert list(pathway.phases.values_list("tasks", flat=True)) == [
        "Read\nPractise\nTeach",
        "Build\nShip",
    ]
    assert RealityCheckItem.objects.get(pathway=pathway).text == "Quiet\nmornings"
    assert json.loads(entry.change_message) == [
        {"changed": {"fields": ["Overview"]}},
        {"changed": {"name": "roadmap phase", "object": "Phase 1", "fields": ["Tasks"]}},
    ]


def test_migration_normalises_stored_text_of_every_content_model():
    role = Role.objects.create(slug="baker", name="Baker", description="Bakes\r\nbread")
    pathway = make_guide()
    Pathway.objects.filter(pk=pathway.pk).update(overview="One.\r\n\r\nTwo.", demand="Old\rMac")
    RoadmapPhase.objects.filter(pathway=pathway, order=1).update(tasks="Read\r\nPractise")
    FAQ.objects.filter(pathway=pathway).update(answer="Yes.\r\n\r\nBut slowly.")
    ActionItem.objects.filter(pathway=pathway).update(text="Start\r\ntoday")
    updated_at = Pathway.objects.get(pk=pathway.pk).updated_at

    normalising_migration.normalise_line_endings(apps, None)

    pathway.refresh_from_db()
    role.refresh_from_db()
    assert role.description == "Bakes\nbread"
    assert (pathway.overview, pathway.demand) == ("One.\n\nTwo.", "Old\nMac")
    assert pathway.updated_at == updated_at
    assert RoadmapPhase.objects.get(pathway=pathway, order=1).tasks == "Read\nPractise"
    assert FAQ.objects.get(pathway=pathway).answer == "Yes.\n\nBut slowly."
    assert ActionItem.objects.get(pathway=pathway).text == "Start\ntoday"
