"""An editor opens the content checks, follows a link to a FAQ needing review, confirms
it, and the FAQ leaves the page.

Drives Debian's Chromium through Playwright against a live server on 127.0.0.1,
with the shipped fixture loaded.
"""

import pytest

from pathways.importing import import_paths
from tests.support import FIXTURE

from .chromium import TIMEOUT_MS, console_errors, log_in, make_editor

# serialized_rollback: the Editors group comes from a data migration.
pytestmark = [
    pytest.mark.browser,
    pytest.mark.once,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]

CHECKS = "/admin/pathways/pathway/checks/"


def counts(page) -> dict[str, int]:
    """Each check's heading id and the number it shows."""
    found = {}
    for section in page.locator("section.module").all():
        count = section.locator(".check-count").inner_text()
        found[section.get_attribute("id")] = int(count.strip("()"))
    return found


def test_editor_fixes_a_faq_from_the_checks_page(server, request):
    import_paths([FIXTURE])
    make_editor()
    browser = request.getfixturevalue("chromium")
    page = browser.new_page(viewport={"width": 1280, "height": 900})
    page.set_default_timeout(TIMEOUT_MS)
    problems = []
    page.on("console", lambda message: problems.extend(console_errors(message)))
    page.on("pageerror", lambda error: problems.append(str(error)))

    log_in(page, server, f"{CHECKS}")
    page.wait_for_url(f"{server.url}{CHECKS}")
    before = counts(page)
    faqs = page.locator("#faq-review tbody tr")
    first_question = faqs.first.locator("td").inner_text()
    faqs.first.locator("a").click()
    page.wait_for_url("**/change/#faqs-0")
    question = page.locator("#id_faqs-0-question").input_value()
    page.uncheck("#id_faqs-0-question_inferred")
    page.click("input[name=_save]")
    # The list keeps the link's fragment through the redirect.
    page.wait_for_url(f"{server.url}/admin/pathways/pathway/#faqs-0")
    saved = page.locator(".messagelist .success").inner_text()
    page.goto(f"{server.url}{CHECKS}")
    after = counts(page)
    remaining = page.locator("#faq-review tbody td").all_inner_texts()
    page.close()

    assert before == {
        "roadmap-timeline": 2,
        "title-timeline": 0,
        "skill-order": 4,
        "faq-review": 4,
        "unwritten-guides": 3,
        "run-together": 0,
        "review-due": 4,
    }
    assert first_question == (
        "“How much more can I earn as an AI Engineering Manager than as a Backend Developer?”"
    )
    assert f"“{question}”" == first_question
    assert saved.endswith("was changed successfully.")
    assert after == before | {"faq-review": 3}
    assert first_question not in remaining
    assert problems == []
