"""Pages put "a" or "an" before a role name as it is spoken, the same as the source pages."""

import re

import pytest

from tests.factories import make_full_guide, make_hub, make_pathway, make_role
from tests.support import headings, page_text

pytestmark = pytest.mark.django_db


@pytest.fixture
def ux_and_ml():
    """Hubs for two roles the first letter alone gets wrong: a UX Designer, an ML Engineer."""
    backend = make_role("Backend Developer")
    ux = make_role("UX Designer", description="UX Designers shape products.")
    ml = make_role("ML Engineer", description="ML Engineers train models.")
    to_ux = make_full_guide(make_pathway(backend, ux))
    to_ml = make_full_guide(make_pathway(backend, ml))
    make_hub(ux, to_ux)
    make_hub(ml, to_ml)
    return to_ux, to_ml


def test_hub_title_description_and_heading_use_the_article_of_the_sound(client, ux_and_ml):
    response = client.get("/become/ux-designer/")
    html = response.content.decode()

    assert headings(response, 1) == ["How to Become a UX Designer"]
    assert re.findall(r"<title>(.*?)</title>", html) == ["How to Become a UX Designer"]
    assert re.findall(r'<meta name="description" content="(.*?)">', html) == [
        "Every path to becoming a UX Designer, by the role you start from: "
        "timelines, salary change and difficulty."
    ]
    assert "What a UX Designer does UX Designers shape products." in page_text(response)
    assert headings(client.get("/become/ml-engineer/"), 1) == ["How to Become an ML Engineer"]


def test_home_lists_hubs_with_the_article_of_the_sound(client, ux_and_ml):
    page = page_text(client.get("/"))

    assert "How to Become an ML Engineer How to Become a UX Designer" in page


def test_guide_links_its_hub_with_the_article_of_the_sound(client, ux_and_ml):
    to_ux, to_ml = ux_and_ml

    assert "Every path to becoming a UX Designer" in page_text(client.get(to_ux.get_absolute_url()))
    assert "Every path to becoming an ML Engineer" in page_text(
        client.get(to_ml.get_absolute_url())
    )
