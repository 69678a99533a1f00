"""/healthz in-process: one read of a site table, plain text, never cached, security headers."""

import pytest
from django.db import connection

from pathways.health import HealthCheckMiddleware
from pathways.models import Pathway
from pathways_site.settings import production

from .headers import NEVER_CACHE, SECURITY_HEADERS

PROBE_ADDRESS = "10.1.2.3:8000"  # not in ALLOWED_HOSTS


@pytest.fixture
def production_stack(settings):
    """The production middleware and HTTPS settings, on the test database."""
    for name in (
        "MIDDLEWARE",
        "SECURE_PROXY_SSL_HEADER",
        "SECURE_SSL_REDIRECT",
        "SECURE_REDIRECT_EXEMPT",
        "SECURE_HSTS_SECONDS",
        "SECURE_HSTS_INCLUDE_SUBDOMAINS",
        "SECURE_HSTS_PRELOAD",
    ):
        setattr(settings, name, getattr(production, name))
    return settings


def security_headers(response):
    return {name: response.get(name) for name in SECURITY_HEADERS}


@pytest.mark.django_db
def test_healthz_answers_ok_with_one_query(client, django_assert_num_queries):
    with django_assert_num_queries(1) as context:
        response = client.get("/healthz")

    assert (
        response.status_code,
        response.content,
        response["Content-Type"],
        response["Cache-Control"],
    ) == (200, b"ok\n", "text/plain; charset=utf-8", NEVER_CACHE)
    # A table of the site, not a query any empty database would answer.
    assert Pathway._meta.db_table in context.captured_queries[0]["sql"]


@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_healthz_is_503_and_drops_the_connection_when_site_tables_are_missing(client):
    # What a fresh connection sees after the SQLite file was deleted: a
    # database that answers, without the site's tables.
    table = connection.ops.quote_name(Pathway._meta.db_table)
    away = connection.ops.quote_name("pathways_pathway_away")
    with connection.cursor() as cursor:
        cursor.execute(f"ALTER TABLE {table} RENAME TO {away}")
    try:
        response = client.get("/healthz")
        connection_dropped = connection.connection is None
    finally:
        with connection.cursor() as cursor:
            cursor.execute(f"ALTER TABLE {away} RENAME TO {table}")

    assert (response.status_code, response.content, connection_dropped) == (
        503,
        b"database unavailable\n",
        True,
    )
    assert client.get("/healthz").status_code == 200  # a new connection, the table back


@pytest.mark.django_db
def test_healthz_over_https_carries_the_security_headers_in_production(client, production_stack):
    response = client.get("/healthz", HTTP_HOST=PROBE_ADDRESS, HTTP_X_FORWARDED_PROTO="https")

    assert (response.status_code, response.content) == (200, b"ok\n")
    assert security_headers(response) == SECURITY_HEADERS


@pytest.mark.django_db
def test_healthz_probe_by_address_over_http_is_answered_not_redirected(client, production_stack):
    response = client.get("/healthz", HTTP_HOST=PROBE_ADDRESS)

    assert (response.status_code, response.content, response["Cache-Control"]) == (
        200,
        b"ok\n",
        NEVER_CACHE,
    )
    # HSTS means nothing over plain HTTP, so SecurityMiddleware sends it on HTTPS only.
    assert security_headers(response) == {**SECURITY_HEADERS, "Strict-Transport-Security": None}


@pytest.mark.django_db
def test_health_middleware_passes_other_paths_on(client, production_stack):
    response = client.get("/healthz/other", HTTP_HOST=PROBE_ADDRESS, HTTP_X_FORWARDED_PROTO="https")

    assert response.status_code == 400  # host validation still applies everywhere else


@pytest.mark.django_db
def test_other_paths_over_http_are_still_redirected(client, production_stack):
    production_stack.ALLOWED_HOSTS = ["pathways.example"]

    response = client.get("/healthz/", HTTP_HOST="pathways.example")

    assert (response.status_code, response["Location"]) == (
        301,
        "https://pathways.example/healthz/",
    )


def test_health_middleware_leaves_posts_to_the_site(rf):
    middleware = HealthCheckMiddleware(lambda request: "passed on")

    assert middleware(rf.post("/healthz")) == "passed on"
