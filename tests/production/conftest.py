"""Fixtures that start real processes: PostgreSQL and static files for gunicorn.

Redis (``redis_server``) is in tests/conftest.py, for the page cache tests too.
"""

import pytest

from bench.servers import MissingTool, PostgresCluster, collect_static


@pytest.fixture(scope="session")
def postgres():
    """A PostgreSQL cluster: the run's own, or a throwaway one. Never skipped."""
    cluster = PostgresCluster()
    try:
        cluster.start()
    except MissingTool as missing:
        pytest.fail(f"the production tests need PostgreSQL: {missing}", pytrace=False)
    yield cluster
    cluster.stop()


@pytest.fixture
def make_database(postgres):
    """Create empty databases on the cluster; all are dropped afterwards."""
    created = []

    def make():
        created.append(postgres.create_database())
        return created[-1]

    yield make
    for url in created:
        postgres.drop_database(url)


@pytest.fixture(scope="session")
def static_root(tmp_path_factory):
    """Static files collected with production storage (hashed, compressed)."""
    root = tmp_path_factory.mktemp("staticfiles")
    collect_static(root)
    return root
