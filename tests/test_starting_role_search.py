"""/from/?q=: the home page's "where are you starting from?", answered on the server."""

import re

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from pathways.models import Pathway
from tests.factories import make_pathway, make_role
from tests.support import page_text


def starting_role_links(response) -> list[tuple[str, str]]:
    return re.findall(
        r'<li><a href="(/from/[^"]+/)">Career paths from (.*?)</a></li>', response.text
    )


@pytest.mark.parametrize(
    "typed", ["Backend Developer", "backend developer", "BACKEND-DEVELOPER", "backend-developer"]
)
def test_exact_name_or_address_redirects_to_its_paths(seeded, client, typed):
    response = client.get("/from/", {"q": f"  {typed} "})

    assert response.status_code == 302
    assert response["Location"] == "/from/backend-developer/"


def test_partial_name_lists_the_matching_starting_roles(seeded, client):
    response = client.get("/from/", {"q": "engineer"})

    assert response.status_code == 200
    assert starting_role_links(response) == [
        ("/from/deep-learning-engineer/", "Deep Learning Engineer"),
        ("/from/generative-ai-engineer/", "Generative AI Engineer"),
        ("/from/software-engineer/", "Software Engineer"),
    ]


def test_a_role_nobody_starts_from_is_not_offered(seeded, client):
    # Product Manager is only ever a destination.
    response = client.get("/from/", {"q": "product manager"})

    assert response.status_code == 200
    assert starting_role_links(response) == []


def test_matches_stop_at_20(db, client):
    target = make_role("Target")
    for n in range(25):
        make_pathway(make_role(f"Analyst {n:02}"), target)

    response = client.get("/from/", {"q": "analyst"})

    assert [name for _url, name in starting_role_links(response)] == [
        f"Analyst {n:02}" for n in range(20)
    ]
    assert "The first 20 by name: add a word to narrow them down." in page_text(response)


@pytest.mark.parametrize(
    "junk", ["zz\x00zz", "x" * 5000, "%", "'; DROP TABLE", "数据科学家", "🙂", "\u202e"]
)
def test_junk_gets_a_friendly_empty_result(seeded, client, junk):
    response = client.get("/from/", {"q": junk})

    assert response.status_code == 200
    assert starting_role_links(response) == []
    assert "We have no guide starting from a role called" in page_text(response)


def test_empty_query_goes_home_and_old_links_still_redirect(seeded, client):
    assert client.get("/from/", {"q": "   "})["Location"] == "/"
    assert client.get("/from/", {"q": "\x00\x1f"})["Location"] == "/"
    assert client.get("/from/", {"from": "software-engineer"})["Location"] == (
        "/from/software-engineer/"
    )


def test_drafts_do_not_make_a_starting_role(db, client):
    make_pathway(make_role("Hidden Start"), make_role("Target"), status=Pathway.Status.DRAFT)

    response = client.get("/from/", {"q": "hidden start"})

    assert response.status_code == 200
    assert starting_role_links(response) == []


def search_queries(client) -> int:
    with CaptureQueriesContext(connection) as queries:
        assert client.get("/from/", {"q": "analyst"}).status_code == 200
    return len(queries)


def test_search_queries_do_not_grow_with_the_roles(db, client):
    target = make_role("Target")
    make_pathway(make_role("Analyst 0"), target)
    small = search_queries(client)

    for n in range(1, 6):
        make_pathway(make_role(f"Analyst {n}"), target)
    large = search_queries(client)

    assert large == small
