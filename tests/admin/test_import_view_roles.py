"""The admin import and roles renamed in the admin: found by their rows, conflicts shown."""

import pytest

from pathways.models import Pathway, Role
from tests.support import SOURCE_DIR

URL = "/admin/pathways/pathway/import/"
GUIDE = SOURCE_DIR / "backend-developer-to-ai-project-manager.txt"
SLUG = "backend-developer-to-ai-project-manager"


@pytest.fixture
def renamed(seeded):
    """ "AI Project Manager" renamed in the admin; its address stays."""
    role = Role.objects.get(slug="ai-project-manager")
    role.name = "AI Programme Manager"
    role.save()
    return role


def _with_new_name():
    return (
        GUIDE.read_text()
        .replace("AI Project Manager", "AI Programme Manager")
        .replace("Ai Project Manager", "AI Programme Manager")
    )


def test_import_preview_of_a_guide_using_a_renamed_role_finds_the_role(editor_client, renamed):
    response = editor_client.post(URL, {"text": _with_new_name(), "_preview": "Preview"})

    report = response.context["report"]
    assert (response.status_code, report.created, report.skipped) == (200, [], [SLUG])


def test_import_of_a_guide_using_a_renamed_role_updates_its_pathway(editor_client, renamed):
    roles = Role.objects.count()

    response = editor_client.post(URL, {"text": _with_new_name(), "force": "on", "_import": "1"})

    assert (response.status_code, response["Location"]) == (302, "/admin/pathways/pathway/")
    assert Role.objects.count() == roles
    assert Pathway.objects.get(slug=SLUG).to_role == renamed


@pytest.mark.parametrize("button", ["_preview", "_import"])
def test_import_of_a_role_whose_address_is_taken_shows_the_conflict(editor_client, renamed, button):
    # The old name would take the renamed role's address: refused, not merged.
    response = editor_client.post(URL, {"text": GUIDE.read_text(), button: "1"})

    assert response.status_code == 200
    assert response.context["errors"] == [
        "<pasted>:1: role 'AI Project Manager' would have the same address (ai-project-manager) "
        "as the role 'AI Programme Manager'; rename one of them"
    ]
    assert '<ul class="errorlist" id="import-errors">' in response.text


@pytest.mark.parametrize("button", ["_preview", "_import"])
def test_import_of_a_role_without_letter_or_digit_shows_the_line(editor_client, button):
    text = GUIDE.read_text().replace("Backend Developer", "!!!")

    response = editor_client.post(URL, {"text": text, button: "1"})

    assert response.context["errors"] == [
        "<pasted>:5: role name '!!!' has no letter or digit, so its page would have no address"
    ]
    assert Role.objects.count() == 0
