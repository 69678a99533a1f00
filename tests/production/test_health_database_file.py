"""/healthz under gunicorn when the SQLite database file is deleted, then put back.

SQLite makes an empty file where the deleted one was, so the check must read a
table of the site to notice; and the connection that failed must be dropped,
or the worker keeps answering from the empty file after the real one is back.
"""

import shutil

import pytest

from bench.servers import Site, run_entrypoint, site_environment


@pytest.fixture
def sqlite_site(static_root, tmp_path):
    database = tmp_path / "pathways.sqlite3"
    env = site_environment(
        database_url=f"sqlite:///{database}",
        static_root=static_root,
        # One worker thread: every request below uses the same connection.
        WEB_CONCURRENCY="1",
        GUNICORN_THREADS="1",
    )
    migrated = run_entrypoint(env, "migrate")
    assert migrated.returncode == 0, migrated.stderr
    with Site(env=env) as server:
        yield server, database


def healthz(site):
    status, _, body = site.get("/healthz", https=False, host="127.0.0.1")
    return status, body


def test_healthz_is_503_when_the_sqlite_file_is_deleted_and_ok_once_it_is_back(sqlite_site):
    site, database = sqlite_site
    kept = database.with_name("kept.sqlite3")
    shutil.copyfile(database, kept)

    database.unlink()
    after_delete = healthz(site)
    # Put back as a new file: a connection still open on the empty one would not see it.
    kept.replace(database)
    after_restore = healthz(site)

    assert (after_delete, after_restore) == ((503, b"database unavailable\n"), (200, b"ok\n"))
    assert "WARNING pathways.health health check: database unavailable (OperationalError)" in (
        site.log()
    )
