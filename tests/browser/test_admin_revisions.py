"""An editor changes a guide, compares the revisions, and reverts to the earlier one.

Drives Debian's Chromium through Playwright against a live server on 127.0.0.1.
"""

import pytest
import reversion

from pathways import revisions
from pathways.models import FAQ, Pathway, RoadmapPhase, Role

from .chromium import TIMEOUT_MS, log_in, make_editor

# serialized_rollback: the Editors group comes from a data migration.
pytestmark = [
    pytest.mark.browser,
    pytest.mark.once,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]


def test_editor_compares_revisions_and_reverts_to_the_earlier_one(server, request):
    # Arrange (all database work before Playwright starts its event loop).
    editor = make_editor()
    pathway = Pathway.objects.create(
        slug="nurse-to-data-analyst",
        from_role=Role.objects.create(name="Nurse", slug="nurse"),
        to_role=Role.objects.create(name="Data Analyst", slug="data-analyst"),
        title="From Nurse to Data Analyst",
        status=Pathway.Status.PUBLISHED,
        has_guide=True,
        overview="Nurses read charts.",
    )
    RoadmapPhase.objects.create(pathway=pathway, order=1, title="Learn SQL", weeks=4)
    FAQ.objects.create(pathway=pathway, question="Is it hard?", answer="Not very.", order=0)
    with reversion.create_revision():
        revisions.record([pathway], "Written", editor)
    browser = request.getfixturevalue("chromium")
    page = browser.new_page(viewport={"width": 1280, "height": 900})
    page.set_default_timeout(TIMEOUT_MS)
    problems = []
    page.on("console", lambda m: problems.append(m.text) if m.type == "error" else None)
    page.on("pageerror", lambda error: problems.append(str(error)))

    # Act: edit an answer and a phase title, then look at the revisions.
    change = f"{server.url}/admin/pathways/pathway/{pathway.pk}/change/"
    log_in(page, server, f"{change}")
    for group in ("#phases-group", "#faqs-group"):  # closed sections: open them
        page.locator(f"{group} details > summary").first.click()
    page.fill("#id_phases-0-title", "Learn Python")
    page.fill("#id_faqs-0-answer", "It takes practice.")
    page.click("input[name=_continue]")
    page.click("text=Revisions")
    listed = page.locator("#revisions tbody tr").all_inner_texts()
    page.click("#revisions tbody tr:first-child >> text=Compare with the previous")
    compared = [
        (table.locator("caption").inner_text(), table.locator("tbody").inner_text())
        for table in page.locator("table.revision-diff").all()
    ]
    page.go_back()
    page.click("#revisions tbody tr:nth-child(2) >> text=Revert to this")
    page.click("input[value='Yes, revert']")
    message = page.locator(".messagelist").inner_text()
    page.click("text=Revisions")
    after_revert = page.locator("#revisions tbody tr").all_inner_texts()
    page.goto(f"{server.url}/pathways/nurse-to-data-analyst/")
    public = page.locator("main").text_content()  # closed FAQ answers too
    page.close()

    # Assert
    assert len(listed) == 2 and "Changed Title for roadmap phase" in listed[0]
    assert [caption for caption, _ in compared] == [
        "FAQ “Is it hard?”",
        "Roadmap phase “Learn Python”",
    ]
    assert compared[0][1].split("\t") == ["answer", "Not very.", "It takes practice."]
    assert compared[1][1].split("\t") == ["title", "Learn SQL", "Learn Python"]
    assert "was reverted to the revision of" in message
    assert len(after_revert) == 3 and "Reverted to the revision of" in after_revert[0]
    assert "Learn SQL" in public and "Not very." in public
    assert "Learn Python" not in public and "It takes practice." not in public
    assert problems == []
