"""The compare page in a real browser: reached without JavaScript, readable on a phone."""

import pytest

from .chromium import open_page

pytestmark = [
    pytest.mark.browser,
    pytest.mark.once,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]

PLATFORM = "backend-developer-to-ai-platform-engineer"
PROJECT = "backend-developer-to-ai-project-manager"


def test_ticking_two_cards_without_javascript_compares_them(seeded, server, request):
    problems = []
    page = open_page(request.getfixturevalue("chromium"), problems, java_script_enabled=False)

    page.goto(f"{server.url}/from/backend-developer/")
    page.check(f"input[name=paths][value={PROJECT}]")
    page.check(f"input[name=paths][value={PLATFORM}]")
    page.click("text=Compare selected paths")
    page.wait_for_url(f"{server.url}/compare/?paths={PLATFORM},{PROJECT}")

    assert page.locator("h1").inner_text() == (
        "Compare: Backend Developer → AI Platform Engineer · Backend Developer → AI Project Manager"
    )
    assert problems == []


def test_compare_on_a_phone_keeps_row_names_in_view(seeded, server, request):
    problems = []
    page = open_page(
        request.getfixturevalue("chromium"), problems, viewport={"width": 390, "height": 844}
    )
    page.goto(f"{server.url}/compare/?paths={PLATFORM},{PROJECT}")
    region = page.locator(".compare-scroll").nth(2)
    region.evaluate("element => { element.scrollLeft = 400; }")
    name = region.locator("tbody th").first

    # The page itself does not scroll sideways; the row name stays at the table's left edge.
    assert page.evaluate("document.documentElement.scrollWidth") <= 390
    assert abs(name.bounding_box()["x"] - region.bounding_box()["x"]) < 2
    assert problems == []
