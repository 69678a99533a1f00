"""When an editor last reviewed a guide: on its public page, and kept out of the content.

The date is editorial metadata: the JSON export (schema 1) does not carry it, so
the shipped fixture and round trips stay as they are, and an import neither
resets it nor counts it as an edit made in the admin.
"""

import json
from datetime import date

import pytest
from django.contrib.auth.models import Group, User
from django.utils import timezone

from pathways.exporting import export_json
from pathways.importing import import_paths
from pathways.models import Pathway
from tests.factories import make_pathway
from tests.support import SOURCE_DIR, page_text

pytestmark = pytest.mark.django_db

PROJECT_MANAGER = "backend-developer-to-ai-project-manager"


def reviewed_line(response) -> list[str]:
    return [line for line in response.content.decode().splitlines() if "last-reviewed" in line]


def test_guide_page_shows_when_it_was_last_reviewed(client):
    pathway = make_pathway(last_reviewed=date(2026, 3, 3))

    response = client.get(pathway.get_absolute_url())

    assert reviewed_line(response) == [
        '    <p class="muted last-reviewed">Last reviewed '
        '<time datetime="2026-03-03">3 March 2026</time></p>'
    ]
    assert "Last reviewed 3 March 2026" in page_text(response)


def test_guide_page_never_reviewed_says_nothing(client):
    pathway = make_pathway()

    response = client.get(pathway.get_absolute_url())

    assert "Last reviewed" not in page_text(response)


def test_marking_reviewed_in_the_admin_shows_on_the_cached_guide_page(client):
    pathway = make_pathway()
    editor = User.objects.create_user("eddie", password="a-long-password", is_staff=True)
    editor.groups.add(Group.objects.get(name="Editors"))
    before = page_text(client.get(pathway.get_absolute_url()))  # now stored in the page cache
    client.force_login(editor)
    client.post(
        "/admin/pathways/pathway/", {"action": "mark_reviewed", "_selected_action": [pathway.pk]}
    )
    client.logout()

    after = page_text(client.get(pathway.get_absolute_url()))

    today = timezone.localdate()
    assert "Last reviewed" not in before
    assert f"Last reviewed {today.day} {today:%B %Y}" in after


def test_export_does_not_carry_the_review_date(seeded):
    before = json.dumps(export_json(), sort_keys=True)
    Pathway.objects.update(last_reviewed=date(2026, 3, 3))

    after = json.dumps(export_json(), sort_keys=True)

    assert after == before
    assert "last_reviewed" not in after


def test_import_keeps_the_review_date_and_does_not_count_it_as_an_edit(seeded):
    Pathway.objects.filter(slug=PROJECT_MANAGER).update(last_reviewed=date(2026, 3, 3))

    report = import_paths([SOURCE_DIR])
    forced = import_paths([SOURCE_DIR], force=True)

    assert (report.skipped, forced.skipped) == ([], [])
    assert Pathway.objects.get(slug=PROJECT_MANAGER).last_reviewed == date(2026, 3, 3)
