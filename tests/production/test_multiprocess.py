"""Two gunicorn servers, one PostgreSQL, one Redis: what one process does, the other sees.

This is how the site grows past one process or machine: the app processes keep
no state of their own, so any of them can answer any request.
"""

import html
import time
from concurrent.futures import ThreadPoolExecutor

import pytest

from bench.servers import SITE_HOST, Site, first_guide, query, run_entrypoint, site_environment

from .admin_session import AdminSession

EDITOR, PASSWORD = "editor", "a-long-editor-password-for-tests"
VISITORS = 100


@pytest.fixture(scope="module")
def two_sites(postgres, redis_server, static_root):
    database_url = postgres.create_database()
    env = site_environment(
        database_url=database_url,
        static_root=static_root,
        CACHE_URL=redis_server.url,
        # Longer than the test: counted views stay in Redis until flush_views.
        VIEW_FLUSH_SECONDS="600",
    )
    first = Site(env={**env, "DJANGO_MIGRATE": "true", "DJANGO_LOAD_CONTENT": "true"})
    second = Site(env=env)
    try:
        first.start()
        second.start()
        created = run_entrypoint(
            {**env, "DJANGO_SUPERUSER_PASSWORD": PASSWORD},
            *("python", "manage.py", "createsuperuser", "--no-input"),
            *("--username", EDITOR, "--email", "editor@pathways.example"),
        )
        assert created.returncode == 0, created.stderr
        yield first, second
    finally:
        second.stop()
        first.stop()
        postgres.drop_database(database_url)


@pytest.fixture(scope="module")
def guide(two_sites):
    return first_guide(two_sites[0].env["DATABASE_URL"])


def served_within(site, path: str, text: str, seconds: float) -> float | None:
    """Seconds until ``site`` serves a page at ``path`` showing ``text``, or None if it did not."""
    started = time.monotonic()
    while time.monotonic() - started < seconds:
        if text in site.get(path)[2].decode():
            return time.monotonic() - started
        time.sleep(0.05)
    return None


def test_edit_through_one_server_is_served_by_the_other_within_a_second(two_sites, guide):
    first, second = two_sites
    pathway_id, slug, title = guide
    new_title = f"{title} (revised)"
    _, _, before = second.get(f"/pathways/{slug}/")  # now cached by the second
    editor = AdminSession(first)
    editor.log_in(EDITOR, PASSWORD)

    status, location, page = editor.save(
        f"/admin/pathways/pathway/{pathway_id}/change/", "pathway_form", {"title": new_title}
    )
    # Each process reads the content version at most once a second (the bound
    # itself is tested with a clock in tests/test_caching.py); the margin here
    # is for a loaded CI machine, where a request can itself take a second.
    at_second = served_within(second, f"/pathways/{slug}/", html.escape(new_title), seconds=5)

    assert (status, location) == (302, "/admin/pathways/pathway/"), page
    assert html.escape(title) in before.decode()
    assert at_second is not None


def test_views_counted_through_both_servers_add_up_exactly(two_sites, guide):
    """Each visitor's beacon reaches both servers: the shared cache counts it once.

    The views gather in Redis; the first one counted wrote what was pending
    then, and ``flush_views`` writes the rest in one statement.
    """
    _, slug, _ = guide
    database_url = two_sites[0].env["DATABASE_URL"]
    [(before,)] = query(database_url, "SELECT views FROM pathways_pathway WHERE slug = %s", [slug])

    def count_one(number):
        visitor, server = divmod(number, 2)
        headers = {
            "User-Agent": f"Mozilla/5.0 (X11; Linux x86_64; rv:128.0) Firefox/128.0 v{visitor}",
            "Origin": f"https://{SITE_HOST}",
            "Sec-Fetch-Site": "same-origin",
        }
        return two_sites[server].request("POST", f"/pathways/{slug}/view", headers=headers)[0]

    with ThreadPoolExecutor(max_workers=16) as pool:
        statuses = list(pool.map(count_one, range(2 * VISITORS)))

    [(stored_before_flush,)] = query(
        database_url, "SELECT views FROM pathways_pathway WHERE slug = %s", [slug]
    )
    flushed = run_entrypoint(two_sites[0].env, "python", "manage.py", "flush_views")
    [(after,)] = query(database_url, "SELECT views FROM pathways_pathway WHERE slug = %s", [slug])

    written_later = VISITORS - (stored_before_flush - before)
    assert (statuses, after - before) == ([200] * 2 * VISITORS, VISITORS)
    assert (flushed.returncode, flushed.stdout) == (
        0,
        f"{written_later} view(s) of 1 guide(s) written\n",
    ), flushed.stderr
    assert written_later > VISITORS // 2  # most waited in Redis for the flush
