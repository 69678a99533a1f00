"""The open-data API: answers equal to the export, drafts absent, cached like the pages."""

import hashlib
import json

import pytest
from django.core.cache import cache
from jsonschema import Draft202012Validator
from openapi_spec_validator import validate as validate_openapi

from pathways import caching
from pathways.api.openapi import document
from pathways.api.views import PAGE_SIZE
from pathways.models import FAQ, Pathway
from tests.factories import make_full_guide, make_hub, make_pathway, make_role
from tests.support import exported

pytestmark = pytest.mark.django_db

SERVER = "http://testserver"
# The four answers of test_identical_answers_on_every_database, as SQLite gives them.
ANSWERS_DIGEST = "2f24b09f7f2cdfc58e78e8a7812238bc7aecd978e390700736a2ce5d9b982db1"


@pytest.fixture(autouse=True)
def fresh_cache():
    cache.clear()
    caching.clear_local()


def schema(name: str) -> Draft202012Validator:
    components = document(SERVER)["components"]
    return Draft202012Validator({"$ref": f"#/components/schemas/{name}", "components": components})


def answer(client, url, name, status=200):
    """The JSON at ``url``, checked against the headers every answer has and its schema."""
    response = client.get(url)
    assert (response.status_code, response["Content-Type"]) == (status, "application/json")
    assert response["Access-Control-Allow-Origin"] == "*"
    data = json.loads(response.content)
    schema(name).validate(data)
    return data


@pytest.fixture
def content():
    """A published guide in full, a hub-only path, a draft, and a non-Latin one."""
    target = make_role("Data Scientist", slug="data-scientist", description="Finds *answers*.")
    guide = make_full_guide(make_pathway(make_role("Analyst", slug="analyst"), target), size=2)
    FAQ.objects.filter(pathway=guide).update(question_inferred=True)
    outline = make_pathway(
        make_role("Biologist", slug="biologist"), make_role("Ingénieur", slug="ingénieur")
    )
    draft = make_pathway(make_role("Chemist", slug="chemist"), target, status=Pathway.Status.DRAFT)
    make_hub(target, outline, description="Every way *in*.")
    return {"guide": guide, "outline": outline, "draft": draft}


def test_openapi_document_is_valid(client):
    data = json.loads(client.get("/api/v1/openapi.json").content)

    validate_openapi(data)
    assert sorted(data["paths"]) == [
        "/api/v1/pathways/",
        "/api/v1/pathways/{slug}/",
        "/api/v1/roles/{slug}/",
    ]


def test_pathway_detail_equals_export_without_private_fields(client, content):
    record = exported("analyst-to-data-scientist")
    del record["status"], record["views"]
    for faq in record["faqs"]:
        del faq["question_inferred"]

    data = answer(client, "/api/v1/pathways/analyst-to-data-scientist/", "Pathway")

    assert data == record
    assert len(data["faqs"]) == 2


def test_pathway_detail_of_a_draft_or_unknown_is_a_json_404(client, content):
    for slug in ("chemist-to-data-scientist", "nobody", "%C3%A9"):
        assert answer(client, f"/api/v1/pathways/{slug}/", "Error", 404) == {
            "detail": "No published pathway at this address."
        }


def test_pathway_list_lists_published_in_order_added(client, content):
    data = answer(client, "/api/v1/pathways/", "PathwayPage")

    assert (data["count"], data["next"], data["previous"]) == (2, None, None)
    assert data["results"] == [
        {
            "slug": "analyst-to-data-scientist",
            "title": "From Analyst to Data Scientist: Your 6-Month Transition Guide",
            "roles": {
                "from": {"name": "Analyst", "slug": "analyst"},
                "to": {"name": "Data Scientist", "slug": "data-scientist"},
            },
            "stats": {
                "difficulty": "Moderate",
                "timeline": {"text": "6-9 months", "min_months": 6, "max_months": 9},
                "salary_change": {"text": "+15%", "min_percent": 15, "max_percent": 15},
                "demand": "High demand across many sectors.",
                "roadmap_weeks": 24,
            },
            "url": f"{SERVER}/pathways/analyst-to-data-scientist/",
            "api_url": f"{SERVER}/api/v1/pathways/analyst-to-data-scientist/",
        },
        {
            "slug": "biologist-to-ingénieur",
            "title": "From Biologist to Ingénieur: Your 6-Month Transition Guide",
            "roles": {
                "from": {"name": "Biologist", "slug": "biologist"},
                "to": {"name": "Ingénieur", "slug": "ingénieur"},
            },
            "stats": {
                "difficulty": "Moderate",
                "timeline": {"text": "6-9 months", "min_months": 6, "max_months": 9},
                "salary_change": {"text": "+15%", "min_percent": 15, "max_percent": 15},
                "demand": "High demand across many sectors.",
                "roadmap_weeks": None,
            },
            "url": f"{SERVER}/pathways/biologist-to-ing%C3%A9nieur/",
            "api_url": f"{SERVER}/api/v1/pathways/biologist-to-ing%C3%A9nieur/",
        },
    ]


def test_json_keeps_non_latin_text_as_written(client, content):
    response = client.get("/api/v1/pathways/")

    assert "Ingénieur".encode() in response.content
    assert b"\\u00e9" not in response.content


def test_pathway_list_pages_link_to_each_other(client):
    target = make_role("Target", slug="target")
    for n in range(PAGE_SIZE + 1):
        make_pathway(make_role(f"Start {n}", slug=f"start-{n:03}"), target)

    first = answer(client, "/api/v1/pathways/", "PathwayPage")
    second = answer(client, "/api/v1/pathways/?page=2", "PathwayPage")

    assert (first["count"], first["next"], first["previous"]) == (
        51,
        f"{SERVER}/api/v1/pathways/?page=2",
        None,
    )
    assert (len(first["results"]), len(second["results"])) == (PAGE_SIZE, 1)
    assert (second["next"], second["previous"]) == (None, f"{SERVER}/api/v1/pathways/")
    assert second["results"][0]["slug"] == f"start-{PAGE_SIZE:03}-to-target"


@pytest.mark.parametrize("page", ["0", "-1", "x", "2", "1.5", "9" * 50, "%00", ""])
def test_pathway_list_junk_page_is_a_json_404(client, content, page):
    assert answer(client, f"/api/v1/pathways/?page={page}", "Error", 404) == {
        "detail": "No such page."
    }


def test_role_with_hub_and_paths(client, content):
    data = answer(client, "/api/v1/roles/data-scientist/", "Role")

    assert {k: v for k, v in data.items() if not k.startswith("paths_")} == {
        "slug": "data-scientist",
        "name": "Data Scientist",
        "description": "Finds *answers*.",
        "hub": {"url": f"{SERVER}/become/data-scientist/", "description": "Every way *in*."},
    }
    assert [p["slug"] for p in data["paths_into"]] == [
        "analyst-to-data-scientist",
        "biologist-to-ingénieur",
    ]
    assert (data["paths_from"], data["paths_from_url"]) == ([], None)


def test_role_starting_only(client, content):
    data = answer(client, "/api/v1/roles/analyst/", "Role")

    assert (data["hub"], data["paths_from_url"]) == (None, f"{SERVER}/from/analyst/")
    assert [p["slug"] for p in data["paths_from"]] == ["analyst-to-data-scientist"]


def test_role_known_only_from_a_draft_is_a_json_404(client, content):
    assert answer(client, "/api/v1/roles/chemist/", "Error", 404) == {
        "detail": "No role with a published pathway at this address."
    }


def test_drafts_absent_everywhere(client, content):
    listed = (
        client.get("/api/v1/pathways/").content
        + client.get("/api/v1/roles/data-scientist/").content
    )

    assert b"chemist" not in listed.lower()


def test_answers_cached_with_etag_and_cache_control(client, content, django_assert_num_queries):
    url = "/api/v1/pathways/analyst-to-data-scientist/"
    first = client.get(url)
    with django_assert_num_queries(0):
        again = client.get(url)
        unchanged = client.get(url, headers={"If-None-Match": first["ETag"]})

    assert (again.content, again["Content-Type"], again["Access-Control-Allow-Origin"]) == (
        first.content,
        "application/json",
        "*",
    )
    assert (
        again["Cache-Control"]
        == first["Cache-Control"]
        == "public, max-age=0, must-revalidate, s-maxage=60"
    )
    assert (again["ETag"], unchanged.status_code) == (first["ETag"], 304)


def test_other_address_of_a_list_page_gets_the_canonical_answer(client, content):
    canonical = client.get("/api/v1/pathways/")
    other = client.get("/api/v1/pathways/?page=1&utm_source=x")

    assert (other.content, other["Content-Type"]) == (canonical.content, "application/json")


def test_preflight_allows_any_origin(client):
    response = client.options("/api/v1/pathways/", headers={"Origin": "https://elsewhere.example"})

    assert (response.status_code, response["Access-Control-Allow-Origin"]) == (204, "*")
    assert response["Access-Control-Allow-Methods"] == "GET, HEAD, OPTIONS"


def test_writes_refused(client, content):
    response = client.post("/api/v1/pathways/")

    assert (response.status_code, json.loads(response.content)) == (
        405,
        {"detail": "This API is read-only."},
    )


@pytest.mark.parametrize("size", [1, 3])
def test_api_queries_constant(client, size, django_assert_num_queries):
    target = make_role("Target", slug="target")
    for n in range(size):
        make_full_guide(make_pathway(make_role(f"Start {n}", slug=f"start-{n}"), target), size=size)
    make_hub(target)
    client.get("/")  # the content version is read once a second: read it now

    with django_assert_num_queries(2):
        client.get("/api/v1/pathways/")
    with django_assert_num_queries(7):
        client.get("/api/v1/pathways/start-0-to-target/")
    with django_assert_num_queries(3):
        client.get("/api/v1/roles/target/")


def test_identical_answers_on_every_database(client, content):
    """The same content gives the same bytes on SQLite and PostgreSQL (both legs run this)."""
    urls = [
        "/api/v1/pathways/",
        "/api/v1/pathways/analyst-to-data-scientist/",
        "/api/v1/roles/data-scientist/",
        "/api/v1/roles/analyst/",
    ]
    bodies = b"\n".join(client.get(url).content for url in urls)

    assert hashlib.sha256(bodies).hexdigest() == ANSWERS_DIGEST
