"""The page cache holds only canonical addresses, so made-up URLs cannot fill it.

Each request below carries parameters of its own (unknown ones, repeated ones,
junk values, another order, a page that does not exist), as a crawler or an
attacker would send. They are answered as before, from the canonical page where
there is one, and add no cache key.
"""

import itertools

import pytest
import redis
from django.core.cache import cache

from pathways import caching
from tests.factories import make_full_guide, make_pathway, make_role
from tests.support import page_text

GUIDE = "/pathways/backend-developer-to-ai-project-manager/"
HUB = "/become/product-manager/"
FROM = "/from/backend-developer/"
# 2,000 rather than 10,000: each shape below then comes ~140 times with values
# of its own, and before addresses were checked the local-memory cache was
# already full (300 entries) after 300 of them. On PostgreSQL every request
# also reads the content version, and 10,000 took close to a minute.
REQUESTS = 2_000

# Every canonical page the junk below maps to.
CANONICAL = [
    "/",
    GUIDE,
    HUB,
    f"{HUB}?from=software-engineer",
    f"{HUB}?from=software-engineer&sort=easiest",
    f"{HUB}?sort=salary",
    FROM,
    "/search/",
]
# (address made unique by n, the canonical page it shows or None when nothing is stored)
JUNK = [
    ("/?utm_source={n}", "/"),
    (GUIDE + "?utm_source={n}&utm_medium=email", GUIDE),
    (HUB + "?sort=nonsense{n}", HUB),
    (HUB + "?page={n}", HUB),
    (HUB + "?from=&sort=&ref={n}", HUB),
    (HUB + "?from=software-engineer&sort=&ref={n}", f"{HUB}?from=software-engineer"),
    (HUB + "?sort=easiest&from=software-engineer&x={n}", f"{HUB}?from=software-engineer&sort=easiest"),
    (HUB + "?sort=salary&sort=salary&x={n}", f"{HUB}?sort=salary"),
    (HUB + "?from=nobody&from=software-engineer&n={n}", f"{HUB}?from=software-engineer"),
    (HUB + "?sort=%73alary&n={n}", f"{HUB}?sort=salary"),
    (FROM + "?page=0{n}", FROM),
    ("/search/?q=&page={n}", "/search/"),
    ("/search/?q=manager+{n}", None),
    (HUB + "?from=nobody-{n}", None),
]  # fmt: skip


@pytest.fixture
def site(db):
    """A hub with two starting roles, and a guide from a third role, their HTML stored."""
    pm = make_role("Product Manager")
    make_pathway(make_role("Software Engineer"), pm)
    make_pathway(make_role("Deep Learning Engineer"), pm)
    make_full_guide(make_pathway(make_role("Backend Developer"), make_role("AI Project Manager")))
    caching.store_outdated_html()


def junk_requests(count):
    shapes = itertools.cycle(JUNK)
    for n in range(count):
        address, canonical = next(shapes)
        yield address.format(n=n), canonical


def send_junk(client, count) -> dict[str, str]:
    """Send ``count`` junk requests; the visible text of the first answer of each shape."""
    seen = {}
    for address, canonical in junk_requests(count):
        response = client.get(address)
        assert response.status_code == 200, address
        if (canonical or address) not in seen:
            seen[canonical or address] = page_text(response)
    return seen


def test_junk_parameters_add_no_page_cache_keys(site, client):
    canonical_text = {address: page_text(client.get(address)) for address in CANONICAL}
    stored = set(cache._cache)

    seen = send_junk(client, REQUESTS)

    assert set(cache._cache) == stored
    assert {address: seen[address] for address in CANONICAL} == canonical_text


def test_canonical_pages_are_each_stored_once(site, client):
    for address in CANONICAL:
        client.get(address)

    assert len(cache._cache) == len(CANONICAL)


def test_other_address_of_a_stored_page_served_without_rendering(
    site, client, django_assert_num_queries
):
    first = client.get(GUIDE)

    # None: the guide is neither read nor rendered again, and the content
    # version was read moments ago.
    with django_assert_num_queries(0):
        other = client.get(f"{GUIDE}?utm_source=newsletter&utm_source=again")

    assert (other.status_code, other.content) == (200, first.content)
    assert other["ETag"] != first["ETag"]


def test_other_address_revalidates_with_its_own_etag(site, client, django_assert_num_queries):
    etag = client.get(f"{GUIDE}?ref=a")["ETag"]

    with django_assert_num_queries(0):
        response = client.get(f"{GUIDE}?ref=a", headers={"If-None-Match": etag})

    assert (response.status_code, response["ETag"]) == (304, etag)


def test_other_address_stores_the_page_under_its_canonical_address(
    site, client, django_assert_num_queries
):
    first = client.get(f"{HUB}?sort=easiest&from=&from=software-engineer&ref=x")

    with django_assert_num_queries(0):
        canonical = client.get(f"{HUB}?from=software-engineer&sort=easiest")

    assert (len(cache._cache), canonical.content) == (1, first.content)
    assert "1 path from Software Engineer" in page_text(canonical)


def test_page_past_the_end_stored_as_the_last_page(db, client, django_assert_num_queries):
    target = make_role("Target")
    for n in range(51):
        make_pathway(make_role(f"Start {n:02}"), target)
    past_the_end = client.get("/become/target/?page=99")

    with django_assert_num_queries(0):
        last = client.get("/become/target/?page=2")

    assert (len(cache._cache), last.content) == (1, past_the_end.content)
    assert "Page 2 of 2" in page_text(last)


@pytest.mark.parametrize(
    "address", ["/search/?q=manager", "/search/?q=nothing+at+all", f"{HUB}?from=astronaut"]
)
def test_pages_for_inputs_that_name_nothing_not_stored(site, client, address):
    response = client.get(address)

    assert (response.status_code, len(cache._cache)) == (200, 0)
    assert response["Cache-Control"].startswith("public, ")


# The subject is which keys reach Redis, the same whatever the database; the
# local-memory test above runs on both.
@pytest.mark.once
def test_junk_parameters_add_no_redis_keys(site, client, settings, redis_server):
    settings.CACHES = {
        "default": {
            "BACKEND": "django.core.cache.backends.redis.RedisCache",
            "LOCATION": redis_server.url,
        }
    }
    server = redis.Redis.from_url(redis_server.url)
    server.flushdb()
    for address in CANONICAL:
        client.get(address)
    stored = set(server.keys("*"))

    send_junk(client, REQUESTS)

    # The canonical pages, nothing more.
    assert (set(server.keys("*")), len(stored)) == (stored, len(CANONICAL))


def test_address_in_another_script_answered_from_the_cache(db, client, django_assert_num_queries):
    target = make_role("数据科学家")
    make_pathway(make_role("Ingénieur"), target)
    # As a browser sends it: the query percent-encoded (the client encodes the path).
    address = "/become/数据科学家/?from=ing%C3%A9nieur"
    first = client.get(address)

    with django_assert_num_queries(0):  # the content version was read moments ago
        again = client.get(address)
    unencoded = client.get("/become/数据科学家/?from=ingénieur")

    assert (len(cache._cache), again.content, unencoded.content) == (
        1,
        first.content,
        first.content,
    )
    assert "1 path from Ingénieur" in page_text(again)
