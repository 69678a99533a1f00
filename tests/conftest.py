"""Suite-wide rules: in CI a skipped test is a failure."""

import os

import pytest

from tests.support import SOURCE_DIR


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


@pytest.fixture
def seeded(db):
    """The shipped source pages (four guides and the Product Manager hub), imported."""
    from pathways.importing import import_paths

    return import_paths([SOURCE_DIR])
