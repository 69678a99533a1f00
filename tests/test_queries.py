"""The public pages' reads: which pathways a hub lists, in what order, and search."""

import pytest

from pathways import queries, sections
from pathways.models import Pathway
from tests.factories import make_full_guide, make_hub, make_pathway, make_role

pytestmark = pytest.mark.django_db


def slugs(pathways):
    return [pathway.slug for pathway in pathways]


def pks(paths):
    return [path.pk for path in paths]


def test_hub_pathways_listed_entries_first_then_the_rest_by_title():
    pm = make_role("Product Manager")
    ai_pm = make_role("AI Product Manager")
    into_pm_b = make_pathway(make_role("Bee"), pm, title="B path")
    into_pm_a = make_pathway(make_role("Ant"), pm, title="A path")
    listed_elsewhere = make_pathway(make_role("Cat"), ai_pm, title="Z path")
    make_hub(pm, listed_elsewhere, into_pm_b)

    result = queries.sort_hub_paths(queries.hub_paths(pm), "")

    assert pks(result) == [listed_elsewhere.pk, into_pm_b.pk, into_pm_a.pk]


def test_hub_pathways_listed_and_targeting_counted_once():
    pm = make_role("Product Manager")
    pathway = make_pathway(make_role("Dev"), pm)
    make_hub(pm, pathway)

    assert pks(queries.hub_paths(pm)) == [pathway.pk]


def test_hub_pathways_drafts_left_out():
    pm = make_role("Product Manager")
    make_pathway(make_role("Dev"), pm, status=Pathway.Status.DRAFT)
    draft_listed = make_pathway(make_role("Ops"), make_role("Other"), status="draft")
    make_hub(pm, draft_listed)

    assert pks(queries.hub_paths(pm)) == []


@pytest.mark.parametrize(
    ("sort", "expected"),
    [
        ("shortest", ["short", "long", "unknown"]),
        ("salary", ["long", "short", "unknown"]),
        ("easiest", ["short", "unknown", "long"]),
    ],
)
def test_sort_hub_pathways_orders_by_choice_with_unknowns_last(sort, expected):
    target = make_role("Target")
    fields = {
        "short": {
            "timeline_min_months": 3,
            "timeline_max_months": 4,
            "salary_min_percent": 5,
            "salary_max_percent": 10,
            "difficulty": "Easy",
        },
        "long": {
            "timeline_min_months": 12,
            "timeline_max_months": 18,
            "salary_min_percent": 20,
            "salary_max_percent": 50,
            "difficulty": "Hard",
        },
        "unknown": {
            "timeline_min_months": None,
            "timeline_max_months": None,
            "salary_min_percent": None,
            "salary_max_percent": None,
            "difficulty": "Moderate",
        },
    }
    for slug, values in fields.items():
        make_pathway(make_role(slug.title()), target, slug=slug, title=slug, **values)

    result = queries.sort_hub_paths(queries.hub_paths(target), sort)

    assert [path.title for path in result] == expected


@pytest.mark.parametrize(
    ("difficulty", "rank"),
    [("Easy", 1), ("beginner", 1), ("Moderate", 2), ("Challenging", 3), ("HARD", 4), ("odd", 5)],
)
def test_difficulty_rank_case_insensitive_unknown_last(difficulty, rank):
    assert queries.difficulty_rank(difficulty) == rank


def test_hub_roles_targets_and_hubs_listing_published_paths():
    dev, pm, ai_pm, lonely = (make_role(n) for n in ("Dev", "PM", "AI PM", "Lonely"))
    listed = make_pathway(dev, ai_pm)
    make_pathway(dev, lonely, status=Pathway.Status.DRAFT)
    make_hub(pm, listed)

    assert [role.name for role in queries.hub_roles()] == ["AI PM", "PM"]


def test_starting_roles_only_roles_with_published_paths():
    dev, ops, pm = make_role("Dev"), make_role("Ops"), make_role("PM")
    make_pathway(dev, pm)
    make_pathway(ops, pm, status=Pathway.Status.DRAFT)

    assert [role.name for role in queries.starting_roles()] == ["Dev"]


def test_roadmap_week_ranges_are_cumulative():
    pathway = make_full_guide(size=2)
    pathway = queries.guide(pathway.slug)

    ranges = [(step.number, step.first_week, step.last_week) for step in sections.roadmap(pathway)]

    assert ranges == [(1, 1, 6), (2, 7, 12), (3, 13, 18), (4, 19, 24)]


def test_reality_check_grouped_in_kind_order():
    pathway = queries.guide(make_full_guide(size=1).slug)

    groups = [(label, [i.text for i in items]) for label, items in sections.reality_check(pathway)]

    assert groups == [
        ("What you'll love", ["What you'll love 1"]),
        ("What you might miss", ["What you might miss 1"]),
        ("Biggest challenges", ["Biggest challenges 1"]),
    ]


def test_search_pathways_matches_role_names_and_overview():
    dev, pm = make_role("Backend Developer"), make_role("Product Manager")
    by_role = make_pathway(dev, pm)
    by_overview = make_pathway(
        make_role("Teacher"), make_role("Analyst"), overview="Teachers explain databases well."
    )
    make_pathway(make_role("Nurse"), make_role("Coder"))

    assert (
        slugs(queries.search_pathways("backend")),
        slugs(queries.search_pathways("databases")),
    ) == (
        [by_role.slug],
        [by_overview.slug],
    )


def test_search_pathways_every_word_must_match():
    make_pathway(make_role("Backend Developer"), make_role("Product Manager"))

    assert slugs(queries.search_pathways("backend astronaut")) == []


def test_search_pathways_drafts_never_found():
    make_pathway(make_role("Backend Developer"), make_role("Pilot"), status=Pathway.Status.DRAFT)

    assert slugs(queries.search_pathways("pilot")) == []


def test_search_roles_only_roles_with_hubs():
    make_pathway(make_role("Backend Developer"), make_role("Product Manager"))
    make_role("Product Owner")

    assert [role.name for role in queries.search_roles("product")] == ["Product Manager"]
