"""The compare page: pathways side by side, its canonical address, and the ways to it."""

import re

import pytest
from django.core.cache import cache

from pathways import caching
from pathways.models import Pathway, RoadmapPhase, Skill, TransferableSkill
from tests.factories import make_pathway, make_role

pytestmark = pytest.mark.django_db

COMPARE = "/compare/"


@pytest.fixture(autouse=True)
def fresh_cache():
    cache.clear()
    caching.clear_local()


def skill(pathway, name, order, priority=Skill.Priority.CRITICAL, weeks=2):
    return Skill.objects.create(
        pathway=pathway, name=name, order=order, priority=priority, weeks=weeks
    )


def phase(pathway, order, title, weeks):
    return RoadmapPhase.objects.create(pathway=pathway, order=order, title=title, weeks=weeks)


@pytest.fixture
def three():
    """Three paths into one role: shared skills spelled differently, phases of unequal count."""
    target = make_role("Data Scientist", slug="data-scientist")
    paths = {
        start: make_pathway(make_role(name, slug=start), target)
        for start, name in [
            ("analyst", "Analyst"),
            ("biologist", "Biologist"),
            ("chemist", "Chemist"),
        ]
    }
    a, b, c = paths["analyst"], paths["biologist"], paths["chemist"]
    skill(a, "Python", 1, weeks=4)
    skill(a, "Statistics", 2, Skill.Priority.IMPORTANT, 3)
    skill(b, "SQL", 1)
    skill(b, "  python ", 2, Skill.Priority.NICE_TO_HAVE, 1)
    skill(c, "Statistics", 1, weeks=5)
    skill(c, "PYTHON", 2, weeks=6)
    TransferableSkill.objects.create(pathway=a, name="Communication", order=1)
    TransferableSkill.objects.create(pathway=b, name="communication", order=1)
    phase(a, 1, "Foundations", 4)
    phase(a, 2, "Projects", 6)
    phase(b, 1, "Basics", 3)
    Pathway.objects.filter(pk=b.pk).update(difficulty="Hard", salary_change_text="+30%")
    return paths


def rows(html: str, heading: str) -> list[list[str]]:
    """The body rows of the table under ``heading``, each cell's text."""
    section = html.split(f">{heading}</h2>", 1)[1].split("</section>", 1)[0]
    body = section.split("<tbody>", 1)[1].split("</tbody>", 1)[0]
    return [
        [
            " ".join(re.sub(r"<[^>]+>", " ", cell).split())
            for cell in re.findall(r"<t[hd][^>]*>(.*?)</t[hd]>", row, re.S)
        ]
        for row in re.findall(r"<tr[^>]*>(.*?)</tr>", body, re.S)
    ]


def test_compare_three_aligns_shared_skills_on_one_row(client, three):
    response = client.get(
        f"{COMPARE}?paths=analyst-to-data-scientist,biologist-to-data-scientist,chemist-to-data-scientist"
    )
    html = response.content.decode()

    assert response.status_code == 200
    assert rows(html, "At a glance") == [
        ["Difficulty", "Moderate", "Hard", "Moderate"],
        ["Timeline", "6-9 months", "6-9 months", "6-9 months"],
        ["Salary change", "+15%", "+30%", "+15%"],
        ["Roadmap", "10 weeks", "3 weeks", "—"],
    ]
    assert rows(html, "Skills to learn") == [
        ["Python in all", "Critical 4 weeks", "Nice to have 1 week", "Critical 6 weeks"],
        ["Statistics", "Important 3 weeks", "— Not in this path", "Critical 5 weeks"],
        ["SQL only one path", "— Not in this path", "Critical 2 weeks", "— Not in this path"],
    ]
    assert rows(html, "Skills that carry over") == [
        ["Communication", "Yes", "Yes", "— No"],
    ]
    assert rows(html, "Roadmap") == [
        ["Phase 1", "Foundations (4 weeks)", "Basics (3 weeks)", "— No such phase"],
        ["Phase 2", "Projects (6 weeks)", "— No such phase", "— No such phase"],
    ]


def test_compare_two_shows_only_those_two(client, three):
    response = client.get(f"{COMPARE}?paths=analyst-to-data-scientist,chemist-to-data-scientist")
    html = response.content.decode()

    assert rows(html, "Skills to learn") == [
        ["Python in all", "Critical 4 weeks", "Critical 6 weeks"],
        ["Statistics in all", "Important 3 weeks", "Critical 5 weeks"],
    ]
    assert "<h1>Compare: Analyst → Data Scientist · Chemist → Data Scientist</h1>" in html


@pytest.mark.parametrize(
    "query",
    [
        "paths=chemist-to-data-scientist&paths=analyst-to-data-scientist",
        "paths=chemist-to-data-scientist,analyst-to-data-scientist",
        "paths=analyst-to-data-scientist,,chemist-to-data-scientist,analyst-to-data-scientist",
        "paths=analyst-to-data-scientist,chemist-to-data-scientist&utm_source=x",
    ],
)
def test_compare_redirects_to_the_sorted_canonical_address(client, three, query):
    response = client.get(f"{COMPARE}?{query}")

    assert (response.status_code, response["Location"]) == (
        302,
        f"{COMPARE}?paths=analyst-to-data-scientist,chemist-to-data-scientist",
    )


def test_compare_encoded_comma_is_the_canonical_page_itself(client, three):
    canonical = client.get(f"{COMPARE}?paths=analyst-to-data-scientist,chemist-to-data-scientist")
    encoded = client.get(f"{COMPARE}?paths=analyst-to-data-scientist%2Cchemist-to-data-scientist")

    assert (encoded.status_code, encoded.content) == (200, canonical.content)


def test_compare_canonical_address_holds_non_latin_addresses(client):
    target = make_role("数据科学家", slug="数据科学家")
    make_pathway(make_role("Analyst", slug="analyst"), target)
    make_pathway(make_role("Chemist", slug="chemist"), target)

    response = client.get(
        f"{COMPARE}?paths=chemist-to-数据科学家,analyst-to-数据科学家", follow=True
    )

    assert response.redirect_chain == [
        (
            f"{COMPARE}?paths=analyst-to-%E6%95%B0%E6%8D%AE%E7%A7%91%E5%AD%A6%E5%AE%B6,"
            "chemist-to-%E6%95%B0%E6%8D%AE%E7%A7%91%E5%AD%A6%E5%AE%B6",
            302,
        )
    ]
    assert response.status_code == 200


def test_compare_unknown_and_draft_addresses_named_in_a_404_page(client, three):
    Pathway.objects.filter(slug="biologist-to-data-scientist").update(status=Pathway.Status.DRAFT)

    response = client.get(
        f"{COMPARE}?paths=analyst-to-data-scientist,biologist-to-data-scientist,nope"
    )
    html = response.content.decode()

    assert response.status_code == 404
    assert "We have no published path at “biologist-to-data-scientist” or “nope”." in html


@pytest.mark.parametrize("junk", ["%00", "x" * 300, "<script>", "a%20b"])
def test_compare_junk_address_is_a_friendly_404_without_a_redirect(client, three, junk):
    response = client.get(f"{COMPARE}?paths=analyst-to-data-scientist,{junk}")

    assert response.status_code == 404
    assert b"We have no published path at" in response.content
    assert b"<script>" not in response.content.split(b"<main", 1)[1]


def test_compare_more_than_three_refused_politely(client, three):
    response = client.get(f"{COMPARE}?paths=a,b,c,d")

    assert response.status_code == 200
    assert (
        "You can compare at most 3 paths at a time, and you chose 4." in response.content.decode()
    )


def test_compare_huge_list_refused_without_queries(client, django_assert_num_queries):
    huge = ",".join(f"p{n}" for n in range(10_000))
    client.get(COMPARE)  # the content version is read once a second: read it now
    with django_assert_num_queries(0):
        response = client.get(f"{COMPARE}?paths={huge}")

    assert response.status_code == 200


def test_compare_one_path_asks_for_another_with_offers(client, three):
    response = client.get(f"{COMPARE}?paths=analyst-to-data-scientist")
    html = response.content.decode()

    assert response.status_code == 200
    assert "Choose another path to compare with" in html
    assert re.findall(r'<li><a href="(/compare/[^"]*)">', html) == [
        "/compare/?paths=analyst-to-data-scientist,biologist-to-data-scientist",
        "/compare/?paths=analyst-to-data-scientist,chemist-to-data-scientist",
    ]


def test_compare_nothing_chosen_explains_how(client):
    response = client.get(COMPARE)

    assert response.status_code == 200
    assert "Choose two or three paths to compare" in response.content.decode()


@pytest.mark.parametrize("count", [1, 3])
def test_compare_queries_constant(client, count, django_assert_num_queries):
    target = make_role("Target", slug="target")
    slugs = []
    for n in range(3):
        pathway = make_pathway(make_role(f"Start {n}", slug=f"start-{n}"), target)
        slugs.append(pathway.slug)
        for k in range(count):
            skill(pathway, f"Skill {k}", k)
            phase(pathway, k, f"Phase {k}", 2)
            TransferableSkill.objects.create(pathway=pathway, name=f"T {k}", order=k)
    client.get("/")  # the content version is read once a second: read it now
    with django_assert_num_queries(4):
        response = client.get(f"{COMPARE}?paths={','.join(sorted(slugs))}")

    assert response.status_code == 200


def test_compare_stored_only_under_its_canonical_address(client, three, django_assert_num_queries):
    address = f"{COMPARE}?paths=analyst-to-data-scientist,chemist-to-data-scientist"
    first = client.get(address)
    with django_assert_num_queries(0):
        again = client.get(address)

    assert (again.status_code, again.content, again["ETag"]) == (200, first.content, first["ETag"])


def test_hub_and_from_role_cards_carry_compare_checkboxes(client, three):
    hub = client.get("/become/data-scientist/").content.decode()
    form = hub.split('<form class="compare-form"', 1)[1].split("</form>", 1)[0]

    assert 'action="/compare/"' in form
    assert re.findall(r'name="paths" value="([^"]+)"', form) == [
        "analyst-to-data-scientist",
        "biologist-to-data-scientist",
        "chemist-to-data-scientist",
    ]
    assert form.count('<li class="card">') == 3


def test_from_role_with_one_path_has_no_compare_form(client, three):
    html = client.get("/from/analyst/").content.decode()

    assert (html.count('<li class="card">'), 'class="compare-form"' in html) == (1, False)


def test_guide_links_to_compare_with_other_paths_into_its_role(client, three):
    html = client.get("/pathways/biologist-to-data-scientist/").content.decode()
    links = html.split(">Compare with…</h3>", 1)[1].split("</ul>", 1)[0]

    assert re.findall(r'href="([^"]+)"', links) == [
        "/compare/?paths=analyst-to-data-scientist,biologist-to-data-scientist",
        "/compare/?paths=biologist-to-data-scientist,chemist-to-data-scientist",
    ]
