"""/healthz in-process: one query, plain text, never cached."""

import pytest

from pathways.health import HealthCheckMiddleware

NEVER_CACHE = "max-age=0, no-cache, no-store, must-revalidate, private"


@pytest.mark.django_db
def test_healthz_answers_ok_with_one_query(client, django_assert_num_queries):
    with django_assert_num_queries(1):
        response = client.get("/healthz")

    assert (
        response.status_code,
        response.content,
        response["Content-Type"],
        response["Cache-Control"],
    ) == (200, b"ok\n", "text/plain; charset=utf-8", NEVER_CACHE)


@pytest.mark.django_db
def test_health_middleware_answers_whatever_the_host(client, settings):
    settings.MIDDLEWARE = ["pathways.health.HealthCheckMiddleware", *settings.MIDDLEWARE]

    response = client.get("/healthz", HTTP_HOST="10.1.2.3:8000")

    assert (response.status_code, response.content) == (200, b"ok\n")


@pytest.mark.django_db
def test_health_middleware_passes_other_paths_on(client, settings):
    settings.MIDDLEWARE = ["pathways.health.HealthCheckMiddleware", *settings.MIDDLEWARE]

    response = client.get("/healthz/other", HTTP_HOST="10.1.2.3:8000")

    assert response.status_code == 400  # host validation still applies everywhere else


def test_health_middleware_leaves_posts_to_the_site(rf):
    middleware = HealthCheckMiddleware(lambda request: "passed on")

    assert middleware(rf.post("/healthz")) == "passed on"
