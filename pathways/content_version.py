"""One number that changes whenever published content changes.

Cached pages, fragments and ETags include it, so an edit saved in any process
is seen by every process sharing the cache at once: nothing has to find and
delete individual keys.
"""

from django.core.cache import cache

KEY = "pathways:content-version"


def current() -> int:
    version = cache.get(KEY)
    if version is None:
        # add() so that two processes starting together agree on one value.
        cache.add(KEY, 1, timeout=None)
        version = cache.get(KEY, 1)
    return version


def bump() -> int:
    """Mark all content as changed; call after any edit or import."""
    try:
        return cache.incr(KEY)
    except ValueError:  # not set yet, or evicted
        cache.add(KEY, 2, timeout=None)
        return cache.get(KEY, 2)
