"""On a phone, a hub's filter comes before the role's description, and nothing overflows."""

import pytest

from .chromium import TIMEOUT_MS

pytestmark = [
    pytest.mark.browser,
    pytest.mark.once,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]

PHONE = {"width": 390, "height": 844}


@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_hub_filter_is_above_the_role_description_on_a_phone(seeded, server, chromium, scheme):
    page = chromium.new_page(viewport=PHONE, color_scheme=scheme)
    page.set_default_timeout(TIMEOUT_MS)
    page.goto(f"{server.url}/become/product-manager/")

    form = page.locator("form.filter-form").bounding_box()
    description = page.locator("#role-heading").bounding_box()
    first_card = page.locator(".card").first.bounding_box()

    # The filter starts within the first screen, the cards follow it, the description comes last.
    assert form["y"] + form["height"] < PHONE["height"]
    assert form["y"] < first_card["y"] < description["y"]
    assert page.evaluate("document.documentElement.scrollWidth") == PHONE["width"]
    page.close()
