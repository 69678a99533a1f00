"""Suite-wide rules: in CI a skipped test is a failure; a second database runs what it can change.

``make test`` runs the whole suite on SQLite and, alongside, on PostgreSQL with
``--database-dependent-only``: that leg deselects the tests whose outcome the
database cannot change, since the SQLite leg runs them. A test depends on the
database when it may use it (the ``django_db`` marker or a fixture that opens
it) and is not marked ``once`` (it uses the database only as a means: pages in
a browser, uploads, log lines, markup). Deselected is not skipped: the
summary counts them, and a line says how many ran on SQLite only.
"""

import os

import pytest

from tests.support import SOURCE_DIR

# pytest-django's fixtures that open the test database; a fixture built on one
# of them (``seeded``, ``admin_client``) lists it among the test's fixture names.
DATABASE_FIXTURES = frozenset(
    {
        "db",
        "transactional_db",
        "django_db_reset_sequences",
        "django_db_serialized_rollback",
        "live_server",
    }
)


def pytest_addoption(parser):
    parser.addoption(
        "--database-dependent-only",
        action="store_true",
        help="run only the tests the database can change (the second database leg of make test)",
    )


def depends_on_database(item) -> bool:
    """Whether a test's outcome can change with the database it runs on."""
    if item.get_closest_marker("once"):
        return False
    return item.get_closest_marker("django_db") is not None or not DATABASE_FIXTURES.isdisjoint(
        getattr(item, "fixturenames", ())
    )


# The database's name and how many tests its leg left to SQLite, for the summary.
RAN_ONCE = pytest.StashKey[tuple[str, int]]()


def pytest_configure(config):
    from django.db import connection

    if config.getoption("database_dependent_only") and connection.vendor == "sqlite":
        raise pytest.UsageError(
            "--database-dependent-only is for a second database: on SQLite every test runs"
        )


def pytest_collection_modifyitems(config, items):
    if not config.getoption("database_dependent_only"):
        return
    from django.db import connection

    kept, ran_once = [], []
    for item in items:
        (kept if depends_on_database(item) else ran_once).append(item)
    if ran_once:
        config.hook.pytest_deselected(items=ran_once)
        items[:] = kept
    config.stash[RAN_ONCE] = (connection.display_name, len(ran_once))


def pytest_terminal_summary(terminalreporter, config):
    if RAN_ONCE in config.stash:
        database, count = config.stash[RAN_ONCE]
        terminalreporter.write_line(
            f"{database} leg: {count} tests that do not depend on the database ran on SQLite only"
        )


def pytest_sessionfinish(session, exitstatus):
    reporter = session.config.pluginmanager.get_plugin("terminalreporter")
    skipped = len(reporter.stats.get("skipped", [])) if reporter else 0
    if os.environ.get("CI") == "true" and skipped:
        reporter.write_line(
            f"CI: {skipped} test(s) skipped; nothing may be skipped in CI", red=True
        )
        session.exitstatus = pytest.ExitCode.TESTS_FAILED


@pytest.fixture(autouse=True)
def _fresh_cache():
    """Each test starts with an empty cache, so no page leaks between tests.

    The content version rolls back with each test's database, so this process's
    hot pages and reading of it are forgotten too.
    """
    from django.core.cache import cache

    from pathways import caching

    cache.clear()
    caching.clear_local()
    yield
    cache.clear()
    caching.clear_local()


@pytest.fixture(scope="module")
def redis_server():
    """redis-server from Debian on a free loopback port, for one module. Never skipped."""
    from bench.servers import MissingTool, RedisServer

    try:
        server = RedisServer().start()
    except MissingTool as missing:
        pytest.fail(f"this test needs Redis: {missing}", pytrace=False)
    yield server
    server.stop()


@pytest.fixture
def seeded(db):
    """The shipped source pages (four guides and the Product Manager hub), imported."""
    from pathways.importing import import_paths

    return import_paths([SOURCE_DIR])
