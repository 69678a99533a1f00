"""An editor changes an overview in the Markdown editor and sees it on the public page.

Drives Debian's Chromium through Playwright against a live server on 127.0.0.1.
"""

import pytest

from pathways.models import Pathway, Role

from .chromium import TIMEOUT_MS, console_errors, log_in, make_editor

# serialized_rollback: the Editors group comes from a data migration, which a
# transactional test's flush would otherwise have removed.
pytestmark = [
    pytest.mark.browser,
    pytest.mark.once,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]


def test_editor_edits_overview_with_preview_and_sees_it_published(server, request):
    # Arrange (all database work before Playwright starts its event loop).
    make_editor()
    pathway = Pathway.objects.create(
        slug="nurse-to-data-analyst",
        from_role=Role.objects.create(name="Nurse", slug="nurse"),
        to_role=Role.objects.create(name="Data Analyst", slug="data-analyst"),
        title="From Nurse to Data Analyst",
        status=Pathway.Status.PUBLISHED,
        overview="The old overview.",
    )
    browser = request.getfixturevalue("chromium")
    visitor = browser.new_page()
    page = browser.new_page()
    visitor.set_default_timeout(TIMEOUT_MS)
    page.set_default_timeout(TIMEOUT_MS)
    problems = []
    page.on("console", lambda message: problems.extend(console_errors(message)))
    page.on("pageerror", lambda error: problems.append(str(error)))
    page.on(
        "response",
        lambda r: problems.append(f"{r.status} {r.url}") if r.status >= 400 else None,
    )

    # Act: a visitor sees the page (so the site caches it); the editor logs in,
    # writes Markdown, waits for the preview, saves, and opens the page.
    visitor.goto(f"{server.url}/pathways/nurse-to-data-analyst/")
    before = visitor.locator("section[aria-labelledby=overview-heading] .prose").inner_html()
    visitor.close()
    log_in(page, server, f"/admin/pathways/pathway/{pathway.pk}/change/")
    editor_box = page.locator("#id_overview")
    editor_box.fill("Nurses read **charts** all day.\n\nThat is *data work*.")
    preview = page.locator("#id_overview + .markdownx-preview")
    preview.locator("strong").wait_for()
    preview_html = preview.inner_html()
    page.click("input[name=_save]")
    page.wait_for_url(f"{server.url}/admin/pathways/pathway/")
    page.goto(f"{server.url}/pathways/nurse-to-data-analyst/")
    overview = page.locator("section[aria-labelledby=overview-heading] .prose").inner_html()
    page.close()

    # Assert
    assert before.strip() == "<p>The old overview.</p>"
    assert preview_html == (
        "<p>Nurses read <strong>charts</strong> all day.</p>\n<p>That is <em>data work</em>.</p>"
    )
    assert overview.strip() == preview_html
    assert problems == []
