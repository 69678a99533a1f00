"""The guide view counter: exact counts, bots and HEAD left out, no lost updates."""

import threading

import pytest
from django.db import connection
from django.test import Client

from pathways.models import Pathway
from tests.factories import make_pathway


def count_url(pathway):
    return f"{pathway.get_absolute_url()}view"


def stored_views(pathway):
    return Pathway.objects.values_list("views", flat=True).get(pk=pathway.pk)


@pytest.mark.django_db
def test_count_view_post_counts_and_answers_new_count(client):
    pathway = make_pathway(views=0)

    response = client.post(count_url(pathway))

    assert (response.status_code, response.json()) == (200, {"views": 1, "label": "1 view"})
    assert response["Cache-Control"] == "no-store"


@pytest.mark.django_db
def test_count_view_get_counts_and_answers_image(client):
    pathway = make_pathway(views=1233)

    response = client.get(count_url(pathway))

    assert (response.status_code, response["Content-Type"], response["Cache-Control"]) == (
        200,
        "image/gif",
        "no-store",
    )
    assert stored_views(pathway) == 1234


@pytest.mark.django_db
def test_count_view_n_requests_counted_exactly(client):
    pathway = make_pathway(views=0)

    for _ in range(7):
        client.post(count_url(pathway))
    for _ in range(5):
        client.get(count_url(pathway))

    assert stored_views(pathway) == 12


@pytest.mark.django_db
def test_count_view_label_thousands(client):
    pathway = make_pathway(views=1999)

    assert client.post(count_url(pathway)).json() == {"views": 2000, "label": "2,000 views"}


@pytest.mark.django_db
def test_count_view_head_not_counted(client):
    pathway = make_pathway(views=0)

    response = client.head(count_url(pathway))

    assert (response.status_code, stored_views(pathway)) == (200, 0)


@pytest.mark.django_db
@pytest.mark.parametrize("agent", ["Googlebot/2.1", "SomeCrawler 1.0", "Baiduspider", "BingBot"])
def test_count_view_bots_not_counted(client, agent):
    pathway = make_pathway(views=0)

    client.post(count_url(pathway), headers={"User-Agent": agent})
    client.get(count_url(pathway), headers={"User-Agent": agent})

    assert stored_views(pathway) == 0


@pytest.mark.django_db
def test_count_view_unknown_or_draft_404(client):
    draft = make_pathway(status=Pathway.Status.DRAFT, views=0)

    statuses = (
        client.post("/pathways/nothing-here/view").status_code,
        client.post(count_url(draft)).status_code,
    )

    assert (statuses, stored_views(draft)) == ((404, 404), 0)


@pytest.mark.django_db
def test_count_view_other_methods_refused(client):
    pathway = make_pathway()

    assert client.put(count_url(pathway)).status_code == 405


@pytest.mark.django_db
def test_count_view_needs_no_csrf_token():
    pathway = make_pathway(views=0)

    response = Client(enforce_csrf_checks=True).post(count_url(pathway))

    assert response.status_code == 200


@pytest.mark.django_db
def test_count_view_does_not_retire_cached_pages(client):
    pathway = make_pathway(views=0)
    first = client.get(pathway.get_absolute_url())

    client.post(count_url(pathway))
    second = client.get(pathway.get_absolute_url())

    assert second["ETag"] == first["ETag"]


THREADS = 20
REQUESTS_PER_THREAD = 10


@pytest.mark.django_db(transaction=True)
def test_count_view_concurrent_requests_none_lost():
    pathway = make_pathway(views=0)
    url = count_url(pathway)
    errors = []
    start = threading.Barrier(THREADS)

    def visit():
        client = Client()
        try:
            start.wait()
            for _ in range(REQUESTS_PER_THREAD):
                response = client.post(url)
                if response.status_code != 200:
                    errors.append(response.status_code)
        except Exception as error:  # reported below, with the count
            errors.append(repr(error))
        finally:
            connection.close()

    threads = [threading.Thread(target=visit) for _ in range(THREADS)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=60)

    assert (errors, stored_views(pathway)) == ([], THREADS * REQUESTS_PER_THREAD)
