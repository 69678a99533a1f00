"""A save refused because another editor saved first lists what they changed."""

import re

import pytest
import reversion
from django.test import Client

from pathways import revisions
from pathways.revisions import FieldChange

from .support import change_form_data, make_pathway, make_skill

pytestmark = pytest.mark.django_db


def post_change(client, pathway, data):
    return client.post(f"/admin/pathways/pathway/{pathway.pk}/change/", data)


def recorded_pathway():
    """A pathway with a revision of its first version, as an import or a save leaves it."""
    pathway = make_pathway(overview="Original.", demand="High")
    make_skill(pathway, name="SQL", weeks=3)
    with reversion.create_revision():
        revisions.record([pathway], "Imported")
    return pathway


def test_refused_save_lists_exactly_what_the_first_editor_changed(editor, second_editor):
    pathway = recorded_pathway()
    first, second = Client(), Client()
    first.force_login(editor)
    second.force_login(second_editor)
    first_form, second_form = change_form_data(first, pathway), change_form_data(second, pathway)

    saved = post_change(
        first, pathway, first_form | {"overview": "First <em>editor</em>.", "skills-0-weeks": "5"}
    )
    refused = post_change(second, pathway, second_form | {"demand": "Second editor's demand"})

    assert saved.status_code == 302
    changes = refused.context["adminform"].form.conflict_changes
    assert changes == [
        FieldChange("pathway", "overview", "Original.", "First <em>editor</em>."),
        FieldChange("skill “SQL”", "weeks", 3, 5),
    ]
    html = refused.content.decode()
    listed = re.search(r'<div class="module conflict-changes".*?</dl>', html, re.S).group()
    assert " ".join(re.sub(r"<[^>]+>", " ", listed).split()) == (
        "What the other editor changed "
        "Pathway: overview \u2212 Original. + First &lt;em&gt;editor&lt;/em&gt;. "
        "Skill “SQL”: weeks \u2212 3 + 5"
    )
    # The second editor's input is still in the form, to apply again.
    assert refused.context["adminform"].form["demand"].value() == "Second editor's demand"
    assert 'id="id_demand">\nSecond editor&#x27;s demand</textarea>' in html


def test_a_save_that_goes_through_lists_nothing(editor_client):
    pathway = recorded_pathway()

    response = post_change(
        editor_client, pathway, change_form_data(editor_client, pathway) | {"skills-0-weeks": "0"}
    )

    assert response.status_code == 200
    assert 'id="conflict-changes"' not in response.content.decode()
