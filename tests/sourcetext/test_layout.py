"""The fixed wording pages share with the parser: hub titles take "a" or "an" by sound."""

import pytest

from pathways.sourcetext import layout as L


@pytest.mark.parametrize(
    ("role", "title"),
    [
        ("UX Designer", "How to Become a UX Designer"),
        ("ML Engineer", "How to Become an ML Engineer"),
        ("AI Engineer", "How to Become an AI Engineer"),
        ("Product Manager", "How to Become a Product Manager"),
    ],
)
def test_hub_title_article_by_sound(role, title):
    assert L.hub_title(role) == title


@pytest.mark.parametrize("title", ["How to Become a UX Designer", "How to Become an UX Designer"])
def test_hub_title_pattern_reads_either_article(title):
    assert L.HUB_TITLE.fullmatch(title)["role"] == "UX Designer"


def test_guide_title_with_and_without_months():
    assert (L.guide_title("Analyst", "ML Engineer", 6), L.guide_title("A", "B", None)) == (
        "From Analyst to ML Engineer: Your 6-Month Transition Guide",
        "From A to B: Transition Guide",
    )
