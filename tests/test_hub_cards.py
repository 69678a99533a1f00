"""Cards that show what hubs sort by, and a hub filter that helps when nothing matches."""

import re

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from pathways.excerpts import excerpt
from tests.factories import make_full_guide, make_hub, make_pathway, make_role
from tests.support import page_text

CHIP = re.compile(r"<div><dt>(.*?)</dt><dd>(.*?)</dd></div>")


def cards(response) -> list[dict]:
    """Each card's title, chips (label: value), preview label and excerpt, in page order."""
    found = []
    for card in re.findall(r'<li class="card">(.*?)</li>', response.content.decode(), re.S):
        excerpt_text = re.search(r'<p class="card-excerpt">(.*?)</p>', card)
        found.append(
            {
                "title": re.search(r"<h3><a [^>]*>(.*?)</a>", card).group(1),
                "chips": dict(CHIP.findall(card)),
                "preview": '<p class="card-preview">' in card,
                "excerpt": excerpt_text and excerpt_text.group(1),
            }
        )
    return found


def test_written_guide_card_shows_chips_and_a_sentence_of_its_overview(seeded, client):
    response = client.get("/from/backend-developer/")

    assert cards(response)[0] == {
        "title": "From Backend Developer to AI Engineering Manager: Your 6-Month Transition Guide",
        "chips": {
            "Difficulty": "Moderate",
            "Timeline": "6-9 months",
            "Salary change": "+50%",
            "Roadmap": "30 weeks",  # 8 + 6 + 6 + 6 + 4, its five phases
        },
        "preview": False,
        "excerpt": "Your experience as a Backend Developer is an exceptional foundation for "
        "transitioning to an AI Engineering Manager role.",
    }


def test_hub_only_card_says_it_is_a_preview(seeded, client):
    response = client.get("/become/product-manager/?from=software-engineer")

    assert cards(response) == [
        {
            "title": "From Software Engineer to Product Manager: Your 9-Month Transition Guide",
            "chips": {},
            "preview": True,
            "excerpt": "Your background as a Software Engineer gives you a powerful foundation "
            "for transitioning into Product Management.",
        }
    ]
    assert "Preview: guide not written yet" in page_text(response)


@pytest.mark.parametrize(
    ("overview", "expected"),
    [
        (
            "**Bold** start. Second [linked](https://example.com) sentence.",
            "Bold start. Second linked sentence.",
        ),
        ("One. " + "word " * 60, "One."),
        ("word " * 60, "word " * 39 + "word\u2026"),
        ("x" * 300, "x" * 200 + "\u2026"),
        ("数据科学。" * 50, "数据科学。" * 40),
        ("", ""),
        ("<script>alert(1)</script> Plain.", "Plain."),
    ],
)
def test_excerpt_keeps_whole_sentences_or_words_within_200_characters(overview, expected):
    result = excerpt(overview)

    assert result == expected.strip()
    assert len(result) <= 201


@pytest.fixture
def sortable_hub(db):
    """Four written paths into Designer whose facts each order differently."""
    designer = make_role("Designer")
    facts = [
        ("Alpha", "Hard", "12-18 months", 12, 18, "+5%", 5, 5),
        ("Bravo", "Easy", "3-6 months", 3, 6, "+10% to +40%", 10, 40),
        ("Charlie", "Moderate", "6-9 months", 6, 9, "+40%", 40, 40),
        ("Delta", "Challenging", "6-12 months", 6, 12, "-10%", -10, -10),
    ]
    for size, (name, difficulty, timeline, low, high, salary, s_low, s_high) in enumerate(facts, 1):
        make_full_guide(
            make_pathway(
                make_role(name),
                designer,
                difficulty=difficulty,
                timeline_text=timeline,
                timeline_min_months=low,
                timeline_max_months=high,
                salary_change_text=salary,
                salary_min_percent=s_low,
                salary_max_percent=s_high,
            ),
            size=size,
        )
    hub_only = make_pathway(make_role("Echo"), make_role("Elsewhere"), has_guide=False)
    hub_only.difficulty = hub_only.timeline_text = hub_only.salary_change_text = ""
    hub_only.timeline_min_months = hub_only.timeline_max_months = None
    hub_only.salary_min_percent = hub_only.salary_max_percent = None
    hub_only.save()
    make_hub(designer, hub_only)
    return designer


@pytest.mark.parametrize(
    ("sort", "chip", "shown"),
    [
        ("shortest", "Timeline", ["3-6 months", "6-9 months", "6-12 months", "12-18 months", None]),
        ("salary", "Salary change", ["+40%", "+10% to +40%", "+5%", "-10%", None]),
        ("easiest", "Difficulty", ["Easy", "Moderate", "Challenging", "Hard", None]),
    ],
)
def test_every_sort_orders_the_cards_by_the_chip_it_names(client, sortable_hub, sort, chip, shown):
    response = client.get(f"/become/designer/?sort={sort}")

    assert [card["chips"].get(chip) for card in cards(response)] == shown
    # The path without a guide, and so without chips, comes last in every order.
    assert cards(response)[-1]["preview"] is True


def test_card_roadmap_chip_sums_the_phase_weeks(client, sortable_hub):
    response = client.get("/become/designer/?sort=shortest")

    # Two phases of six weeks per size: Bravo 2, Charlie 3, Delta 4, Alpha 1.
    assert [card["chips"].get("Roadmap") for card in cards(response)] == [
        "24 weeks",
        "36 weeks",
        "48 weeks",
        "12 weeks",
        None,
    ]


def test_empty_filter_names_the_role_clears_and_suggests(seeded, client):
    response = client.get("/become/product-manager/?from=backend-developer&sort=salary")
    html = response.content.decode()

    assert response.status_code == 200
    assert cards(response) == []
    assert (
        "We have no path from Backend Developer into Product Manager yet. Clear the filter "
        "to see every path into Product Manager." in page_text(response)
    )
    assert '<a href="/become/product-manager/?sort=salary">Clear the filter</a>' in html
    suggestions = re.findall(r'<ul class="suggestions">(.*?)</ul>', html, re.S)
    assert [re.findall(r'<a href="([^"]*)">(.*?)</a>', found) for found in suggestions] == [
        [
            ("/pathways/backend-developer-to-ai-engineering-manager/", "AI Engineering Manager"),
            ("/pathways/backend-developer-to-ai-platform-engineer/", "AI Platform Engineer"),
            ("/pathways/backend-developer-to-ai-project-manager/", "AI Project Manager"),
            ("/pathways/backend-developer-to-applied-ai-scientist/", "Applied AI Scientist"),
            ("/from/backend-developer/", "Every path from Backend Developer"),
        ],
        [
            (
                "/become/product-manager/?from=deep-learning-engineer&amp;sort=salary",
                "Deep Learning Engineer",
            ),
            (
                "/become/product-manager/?from=generative-ai-engineer&amp;sort=salary",
                "Generative AI Engineer",
            ),
            (
                "/become/product-manager/?from=software-engineer&amp;sort=salary",
                "Software Engineer",
            ),
        ],
    ]


@pytest.mark.parametrize("asked", ["astronaut", "%00", "x" * 5000, "%C3%28", "数据科学家"])
def test_empty_filter_for_an_unknown_role_says_that_starting_role(seeded, client, asked):
    response = client.get(f"/become/product-manager/?from={asked}")
    html = response.content.decode()

    assert response.status_code == 200
    assert "We have no path from that starting role into Product Manager yet." in page_text(
        response
    )
    assert '<a href="/become/product-manager/">Clear the filter</a>' in html
    assert html.count('<ul class="suggestions">') == 1  # other starts only


def test_filter_matches_a_typed_name_in_any_case(seeded, client):
    response = client.get("/become/product-manager/?from=SOFTWARE%20engineer")

    assert [card["title"] for card in cards(response)] == [
        "From Software Engineer to Product Manager: Your 9-Month Transition Guide"
    ]


def test_filter_comes_before_the_role_description(seeded, client):
    html = client.get("/become/product-manager/").content.decode()

    assert html.index('<form class="filter-form"') < html.index('id="role-heading"')


def empty_state_queries(client, url) -> int:
    with CaptureQueriesContext(connection) as queries:
        assert client.get(url).status_code == 200
    return len(queries)


def test_empty_filter_queries_do_not_grow_with_the_paths(db, client):
    target, start = make_role("Target"), make_role("Start")
    make_pathway(make_role("Other"), target)
    make_pathway(start, make_role("First"))
    url = "/become/target/?from=start"
    small = empty_state_queries(client, url)

    for n in range(5):
        make_pathway(make_role(f"Other {n}"), target)
        make_pathway(start, make_role(f"Next {n}"))
    large = empty_state_queries(client, url)

    assert large == small
