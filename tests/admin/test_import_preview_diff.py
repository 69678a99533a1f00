"""The import preview lists, guide by guide, what importing would change."""

import re

import pytest

from pathways import importing
from pathways.models import Pathway
from pathways.revisions import FieldChange
from tests.support import SOURCE_DIR

pytestmark = pytest.mark.django_db

URL = "/admin/pathways/pathway/import/"
MINUS = "\u2212"  # the mark of a removed line
GUIDE = SOURCE_DIR / "backend-developer-to-ai-project-manager.txt"
TITLE = "From Backend Developer to AI Project Manager: Your 6-Month Transition Guide"
QUESTION = "How much more can I earn as an AI Project Manager than as a Backend Developer?"
ANSWER = (
    "Entry-level AI PM roles range from $100,000 to $130,000, while senior roles can exceed "
    "$170,000. Your backend developer salary of $85k-$140k means a potential 15-20% increase, "
)


def edited_source(ending="especially with PM certifications."):
    """The seed page with Risk Management taking 5 weeks and the salary answer reworded."""
    return (
        GUIDE.read_text()
        .replace("Important3 weeks", "Important5 weeks")
        .replace("especially if you have PM certifications.", ending)
    )


def preview_text(client, text):
    """The preview's sections as a reader sees them: tags gone, spaces collapsed."""
    response = client.post(URL, {"text": text, "_preview": "Preview"})
    html = response.content.decode()
    sections = re.findall(r'<section class="import-preview-record">(.*?)</section>', html, re.S)
    return response, [" ".join(re.sub(r"<[^>]+>", " ", s).split()) for s in sections]


def test_an_updated_guide_lists_exactly_the_fields_that_differ(editor_client):
    importing.import_paths([GUIDE])

    response, sections = preview_text(editor_client, edited_source())

    assert response.context["previews"][0].changes == [
        FieldChange("skill “Risk Management”", "weeks", 3, 5),
        FieldChange(
            f"FAQ “{QUESTION}”",
            "answer",
            ANSWER + "especially if you have PM certifications.",
            ANSWER + "especially with PM certifications.",
        ),
    ]
    assert sections == [
        f"{TITLE} 2 changes: Skill “Risk Management”: weeks {MINUS} 3 + 5 "
        f"FAQ “{QUESTION}”: answer {MINUS} {ANSWER}especially if you have PM certifications. "
        f"+ {ANSWER}especially with PM certifications."
    ]


def test_html_in_the_source_text_is_escaped_in_the_diff(editor_client):
    importing.import_paths([GUIDE])

    response = editor_client.post(
        URL, {"text": edited_source("especially <b>with</b> PM certifications."), "_preview": "1"}
    )

    html = response.content.decode()
    assert "especially &lt;b&gt;with&lt;/b&gt; PM certifications." in html
    assert "<b>with</b>" not in html


def test_a_new_guide_shows_its_title_and_counts(editor_client):
    _, sections = preview_text(editor_client, GUIDE.read_text())

    assert sections == [f"{TITLE} New guide: 6 skills to learn, 5 roadmap phases, 1 FAQ."]


def test_the_same_text_again_is_no_change(editor_client):
    importing.import_paths([GUIDE])

    _, sections = preview_text(editor_client, GUIDE.read_text())

    assert sections == [f"{TITLE} No change."]


def test_a_guide_edited_in_the_admin_is_kept_and_says_how_to_overwrite_it(editor_client):
    importing.import_paths([GUIDE])
    pathway = Pathway.objects.get()
    Pathway.objects.filter(pk=pathway.pk).update(demand="Edited in the admin")

    response, sections = preview_text(editor_client, edited_source())

    assert response.context["report"].skipped == [pathway.slug]
    assert sections[0].startswith(
        f"{TITLE} Kept as edited in the admin since its last import. Tick “Replace pathways "
        "edited in the admin” ( --force on the command line) to overwrite it with these "
        f"changes. Guide: demand {MINUS} Edited in the admin + {pathway.demand} "
        f"Skill “Risk Management”: weeks {MINUS} 3 + 5"
    )
