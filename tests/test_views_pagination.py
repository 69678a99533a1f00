"""Pagination links on the card lists: page 1 is linked by its canonical address.

The page cache stores a list's first page under its address without ``page``
(``?page=1`` is another address of it), so "Previous page" from page 2 must
point there, with the list's filter or query kept.
"""

import re
from urllib.parse import unquote

import pytest

from tests.factories import make_pathway, make_role

pytestmark = pytest.mark.django_db


def pagination_links(response) -> dict[str, str]:
    """The pagination's links by ``rel``, their addresses as the browser reads them."""
    html = response.content.decode()
    found = re.findall(r'<a href="([^"]*)" rel="(prev|next)">', html)
    return {rel: unquote(href.replace("&amp;", "&")) for href, rel in found}


@pytest.fixture
def long_hub():
    """Three pages of paths (50 a page) into one role, and 21 search results."""
    target = make_role("数据科学家", slug="数据科学家")
    start = make_role("Start")
    make_pathway(start, target, slug="start-to-target", title="Chemist path 0")
    for n in range(1, 101):
        make_pathway(make_role(f"Start {n:03}"), target, title=f"Chemist path {n}")
    for n in range(100):
        make_pathway(start, make_role(f"Goal {n:03}"))
    return target


@pytest.mark.parametrize(
    ("address", "links"),
    [
        ("/become/数据科学家/?page=2", {"prev": "/become/数据科学家/", "next": "?page=3"}),
        (
            "/become/数据科学家/?sort=shortest&page=2",
            {"prev": "/become/数据科学家/?sort=shortest", "next": "?sort=shortest&page=3"},
        ),
        ("/become/数据科学家/?page=3", {"prev": "?page=2"}),
        ("/from/start/?page=2", {"prev": "/from/start/", "next": "?page=3"}),
        ("/search/?q=chemist&page=2", {"prev": "/search/?q=chemist", "next": "?q=chemist&page=3"}),
        ("/become/数据科学家/", {"next": "?page=2"}),
    ],
)
def test_previous_link_to_the_first_page_is_its_canonical_address(client, long_hub, address, links):
    response = client.get(address)

    assert (response.status_code, pagination_links(response)) == (200, links)


def test_junk_and_past_the_end_page_numbers_get_the_nearest_page(client, long_hub):
    pages = {
        page: re.search(r"Page (\d+) of (\d+)", client.get(f"/from/start/?page={page}").text)[0]
        for page in ("abc", "0", "-1", "99", "2", "٢", "")
    }

    assert pages == {
        "abc": "Page 1 of 3",
        "0": "Page 3 of 3",
        "-1": "Page 3 of 3",
        "99": "Page 3 of 3",
        "2": "Page 2 of 3",
        "٢": "Page 2 of 3",  # int() reads every script's digits
        "": "Page 1 of 3",
    }
