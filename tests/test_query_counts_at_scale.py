"""Every benchmarked page issues as many queries with 300 pathways as with 10.

Twenty roles, so that at 300 pathways each hub has fifteen paths into it
where at 10 it has one; ``make bench`` reports the same at 10,000.
"""

from django.core.cache import cache
from django.db import connection
from django.test.utils import CaptureQueriesContext

from bench import generate
from bench.web import page_urls
from pathways import caching
from pathways.importing import import_records


def rendered_query_counts(client) -> dict[str, int]:
    """Queries of each benchmarked page when it is rendered (not served from the cache)."""
    counts = {}
    for name, url in page_urls().items():
        cache.clear()
        caching.clear_local()
        with CaptureQueriesContext(connection) as queries:
            response = client.get(url)
        assert response.status_code == 200, url
        counts[name] = len(queries)
    return counts


def test_page_queries_same_at_10_and_300_pathways(db, client):
    import_records(generate.records(10, roles=20))
    at_10 = rendered_query_counts(client)

    import_records(generate.records(300, roles=20))
    at_300 = rendered_query_counts(client)

    assert at_300 == at_10
