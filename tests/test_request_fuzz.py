"""No request to a public address gives a server error, whatever its path or query string.

Every public URL pattern gets generated path parameters and query strings:
junk, NUL bytes, huge values, repeated keys, text in any script, percent-encoding
and escapes that are not UTF-8, mixed with the real addresses and values of the
shipped content so that requests also reach the code past each view's checks.
"""

from urllib.parse import quote

import pytest
from django.urls import URLPattern, get_resolver, reverse
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from pathways.queries import SORTS

# Each public pattern, its path with a slot for each parameter, and real values for
# them (a tuple for a pattern with several).
GUIDES = [
    "backend-developer-to-ai-engineering-manager",
    "backend-developer-to-ai-platform-engineer",
    "backend-developer-to-ai-project-manager",
    "backend-developer-to-applied-ai-scientist",
]
ROUTES = {
    "pathways:home": ("/", []),
    "pathways:guide": ("/pathways/{}/", GUIDES),
    "pathways:count_view": ("/pathways/{}/view", GUIDES),
    "pathways:calendar": ("/pathways/{}/calendar.ics", GUIDES),
    # Versions: the current one, older ones, later ones, zero.
    "pathways:share_image": (
        "/pathways/{}/share-{}.png",
        [(guide, version) for guide in GUIDES for version in ("1", "2", "3", "0")],
    ),
    "pathways:hub": ("/become/{}/", ["product-manager", "ai-project-manager"]),
    "pathways:from_role_choice": ("/from/", []),
    "pathways:from_role": ("/from/{}/", ["backend-developer"]),
    "pathways:search": ("/search/", []),
    "pathways:compare": ("/compare/", []),
    "pathways:api_pathways": ("/api/v1/pathways/", []),
    "pathways:api_pathway": ("/api/v1/pathways/{}/", GUIDES),
    "pathways:api_role": ("/api/v1/roles/{}/", ["product-manager", "backend-developer"]),
    "pathways:api_openapi": ("/api/v1/openapi.json", []),
    "pathways:sitemap": ("/sitemap.xml", []),
    "pathways:sitemap_section": ("/sitemap-{}.xml", ["home", "hubs", "guides"]),
    "pathways:robots": ("/robots.txt", []),
    "pathways:favicon": ("/favicon.ico", []),
    "healthz": ("/healthz", []),
}
KEYS = ["from", "sort", "page", "q", "p", "hours", "start", "paths", "utm_source", ""]
VALUES_COMPARED = [",".join(GUIDES[:2]), ",".join(GUIDES), f"{GUIDES[0]},,{GUIDES[0]}"]
VALUES = ["backend-developer", "software-engineer", "manager", "1", "2", "0", "-1", *SORTS]
VALUES += ["5", "40", "41", "2026-03-02", "2026-02-30", "2999-12-31", "0001-01-01"]
VALUES += [*GUIDES, *VALUES_COMPARED]
# Escapes that decode to no valid UTF-8, or to what a URL must not hold raw.
ESCAPES = ["%00", "%FF", "%C3%28", "%ED%A0%80", "%E2%82", "%", "%zz", "%2", "%0A", "%25", "%26"]
HUGE = ["9" * 5000, "x" * 20_000, "%00" * 2000, "é" * 3000]

FUZZ = settings(
    max_examples=60,
    derandomize=True,
    deadline=None,
    # The seeded content is read, never changed, by the requests (view counts aside).
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)

any_text = st.text(max_size=20)
# Text in any script sent raw; the test client encodes it as UTF-8.
raw_letters = st.text(st.characters(categories=("L", "N", "M")), min_size=1, max_size=10)
piece = st.one_of(
    any_text.map(lambda text: quote(text, safe="")),
    raw_letters,
    st.sampled_from(ESCAPES),
    st.sampled_from(VALUES),
)
junk = st.lists(piece, max_size=4).map("".join)


def value(known):
    return st.one_of(st.sampled_from(known), junk, st.sampled_from(HUGE)) if known else junk


def arguments(known) -> tuple:
    """A pattern's real arguments as a tuple, whether it has one parameter or several."""
    return known if isinstance(known, tuple) else (known,)


def path_values(known):
    """Each slot's value drawn apart: real ones mixed with junk, slot by slot."""
    slots = zip(*map(arguments, known), strict=True)
    return st.tuples(*(value(sorted(set(slot))) for slot in slots))


query_strings = st.lists(
    st.tuples(st.one_of(st.sampled_from(KEYS), junk), value(VALUES)).map("=".join),
    max_size=5,
).map("&".join)


def test_every_public_pattern_is_fuzzed(db):
    public = {f"pathways:{p.name}" for p in get_resolver("pathways.urls").url_patterns}
    paths = {
        name: reverse(name, args=arguments(known[0]) if known else [])
        for name, (_template, known) in ROUTES.items()
    }

    assert set(ROUTES) == public | {"healthz"}
    assert all(isinstance(p, URLPattern) for p in get_resolver("pathways.urls").url_patterns)
    assert paths == {
        name: template.format(*(arguments(known[0]) if known else ()))
        for name, (template, known) in ROUTES.items()
    }


@pytest.mark.parametrize("name", ROUTES)
@FUZZ
@given(data=st.data())
def test_public_pattern_never_gives_a_server_error(seeded, client, name, data):
    template, known = ROUTES[name]
    path = (
        template.format(*data.draw(path_values(known), label="parameters")) if known else template
    )
    query = data.draw(query_strings, label="query")
    method = data.draw(st.sampled_from(["GET", "HEAD"]), label="method")

    response = client.generic(method, f"{path}?{query}" if query else path)

    assert response.status_code < 500
