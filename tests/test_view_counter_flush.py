"""Views counted in Redis and written to the database every few seconds, one statement per guide.

The interval is a Redis key that expires after VIEW_FLUSH_SECONDS; deleting
it is the interval running out, so no test waits for the clock.
"""

import io
import runpy
import threading
from pathlib import Path

import pytest
from django.core.cache import cache
from django.core.management import CommandError, call_command
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext

from tests.counting import FIREFOX, stored_views, visit
from tests.factories import make_pathway
from tests.support import settings_value

FLUSH_DUE = "pathways:views:flush"


@pytest.fixture
def redis_cache(settings, redis_server):
    """The default cache on the test Redis server, emptied first."""
    settings.CACHES = {
        "default": {
            "BACKEND": "django.core.cache.backends.redis.RedisCache",
            "LOCATION": redis_server.url,
        }
    }
    cache.clear()
    yield cache
    cache.clear()


def hold_flush():
    """Start an interval now, as a flush would: views counted next stay pending."""
    cache.set(FLUSH_DUE, 1, timeout=3600)


def guide_updates(queries) -> int:
    return sum(q["sql"].startswith('UPDATE "pathways_pathway"') for q in queries)


def flush_views() -> str:
    out = io.StringIO()
    call_command("flush_views", stdout=out)
    return out.getvalue()


@pytest.mark.django_db
def test_thousand_views_written_in_one_statement_per_interval(client, redis_cache):
    pathway = make_pathway(views=0)

    with CaptureQueriesContext(connection) as counting:
        answers = []
        for number in range(1000):
            if number and number % 100 == 0:
                cache.delete(FLUSH_DUE)  # the interval is over
            answers.append(visit(client, pathway, address=f"10.1.{number // 256}.{number % 256}"))
    with CaptureQueriesContext(connection) as flushing:
        report = flush_views()

    # The first view of each of the ten intervals writes what the previous one gathered.
    assert (guide_updates(counting), guide_updates(flushing)) == (10, 1)
    assert (report, stored_views(pathway)) == ("99 view(s) of 1 guide(s) written\n", 1000)
    # Each visitor sees their own view at once.
    assert [answer.json()["views"] for answer in answers] == list(range(1, 1001))


@pytest.mark.django_db
def test_beacon_answers_stored_and_pending_views(client, redis_cache):
    pathway = make_pathway(views=1997)
    hold_flush()
    visit(client, pathway, address="198.51.100.1")
    visit(client, pathway, address="198.51.100.2")

    with CaptureQueriesContext(connection) as queries:
        counted = visit(client, pathway, address="198.51.100.3").json()
        again = visit(client, pathway, address="198.51.100.1").json()
    pixel = visit(client, pathway, "get", address="198.51.100.4")

    assert (counted, again) == (
        {"views": 2000, "label": "2,000 views"},
        {"views": 2000, "label": "2,000 views"},
    )
    assert (pixel.status_code, guide_updates(queries), stored_views(pathway)) == (200, 0, 1997)
    assert (flush_views(), stored_views(pathway)) == ("4 view(s) of 1 guide(s) written\n", 2001)


@pytest.mark.django_db
def test_flush_writes_each_guide_once_and_leaves_nothing_pending(client, redis_cache):
    first, second, unviewed = make_pathway(views=5), make_pathway(views=0), make_pathway(views=9)
    hold_flush()
    for number in range(3):
        visit(client, first, address=f"198.51.100.{number}")
    visit(client, second, address="198.51.100.1")

    with CaptureQueriesContext(connection) as flushing:
        written = flush_views()
    again = flush_views()

    assert (written, again, guide_updates(flushing)) == (
        "4 view(s) of 2 guide(s) written\n",
        "0 view(s) of 0 guide(s) written\n",
        2,
    )
    assert [stored_views(p) for p in (first, second, unviewed)] == [8, 1, 9]


@pytest.mark.django_db
def test_flush_of_a_deleted_guide_drops_its_views(client, redis_cache):
    kept, deleted = make_pathway(views=0), make_pathway(views=0)
    hold_flush()
    visit(client, kept)
    visit(client, deleted)
    deleted.delete()

    assert (flush_views(), flush_views(), stored_views(kept)) == (
        "1 view(s) of 1 guide(s) written\n",
        "0 view(s) of 0 guide(s) written\n",
        1,
    )


@pytest.mark.django_db
def test_failed_database_write_puts_the_views_back(client, redis_cache):
    from pathways.view_counts import pending_views

    pathway = make_pathway(views=10)
    hold_flush()
    for number in range(3):
        visit(client, pathway, address=f"198.51.100.{number}")

    # A real failure: the table is not there while the flush writes.
    with connection.cursor() as cursor:
        cursor.execute("ALTER TABLE pathways_pathway RENAME TO pathways_pathway_away")
    try:
        with pytest.raises(CommandError, match=r"^views not written are kept in Redis: "):
            flush_views()
        kept = pending_views(pathway.pk)
    finally:
        with connection.cursor() as cursor:
            cursor.execute("ALTER TABLE pathways_pathway_away RENAME TO pathways_pathway")

    assert (kept, stored_views(pathway)) == (3, 10)
    assert (flush_views(), pending_views(pathway.pk), stored_views(pathway)) == (
        "3 view(s) of 1 guide(s) written\n",
        0,
        13,
    )


@pytest.mark.django_db
def test_flush_views_without_redis_has_nothing_to_write(client):
    pathway = make_pathway(views=0)
    visit(client, pathway)

    assert (flush_views(), stored_views(pathway)) == ("0 view(s) of 0 guide(s) written\n", 1)


@pytest.mark.django_db
def test_gunicorn_exit_writes_pending_views(client, redis_cache):
    hooks = runpy.run_path(str(Path(__file__).resolve().parent.parent / "gunicorn.conf.py"))
    pathway = make_pathway(views=0)
    hold_flush()
    visit(client, pathway, address="198.51.100.1")
    visit(client, pathway, address="198.51.100.2")
    before_exit = stored_views(pathway)

    hooks["on_exit"](None)

    assert (before_exit, stored_views(pathway)) == (0, 2)


@pytest.mark.parametrize("seconds, answer", [("", "5"), ("1", "1"), ("0", None), ("-5", None)])
def test_flush_interval_from_the_environment(seconds, answer):
    result = settings_value(
        "settings.VIEW_FLUSH_SECONDS", DJANGO_DEBUG="true", VIEW_FLUSH_SECONDS=seconds
    )

    if answer is None:
        assert (result.returncode, result.stderr.splitlines()[-1]) == (
            1,
            "django.core.exceptions.ImproperlyConfigured: "
            f"VIEW_FLUSH_SECONDS={seconds}: use 1 or more",
        )
    else:
        assert (result.returncode, result.stdout) == (0, f"{answer}\n")


# --- concurrency -------------------------------------------------------------

THREADS = 8
VISITORS_PER_THREAD = 40


@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_views_counted_while_flushing_add_up_exactly(redis_cache):
    """8 threads count 40 visitors each, twice, while another flushes over and over."""
    from pathways.view_counts import flush, pending_views

    pathway = make_pathway(views=0)
    errors, flushed = [], []
    counting_done = threading.Event()
    start = threading.Barrier(THREADS + 1)

    def count_as(thread):
        client = Client()
        try:
            start.wait()
            for _ in range(2):
                for number in range(VISITORS_PER_THREAD):
                    address = f"198.51.{thread}.{number}"
                    response = visit(client, pathway, address=address, agent=FIREFOX)
                    if response.status_code != 200:
                        errors.append(response.status_code)
                    cache.delete(FLUSH_DUE)  # requests flush too, as often as they can
        except Exception as error:  # reported below, with the count
            errors.append(repr(error))
        finally:
            connection.close()

    def flush_repeatedly():
        try:
            start.wait()
            while not counting_done.is_set():
                flushed.append(flush()[0])
        except Exception as error:
            errors.append(repr(error))
        finally:
            connection.close()

    counters = [threading.Thread(target=count_as, args=(n,)) for n in range(THREADS)]
    flusher = threading.Thread(target=flush_repeatedly)
    for thread in (*counters, flusher):
        thread.start()
    for thread in counters:
        thread.join(timeout=120)
    counting_done.set()
    flusher.join(timeout=60)
    flush()

    assert (errors, stored_views(pathway), pending_views(pathway.pk)) == (
        [],
        THREADS * VISITORS_PER_THREAD,
        0,
    )
    assert len(flushed) > 1
