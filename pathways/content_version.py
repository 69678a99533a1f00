"""One number that changes whenever content changes.

Cached pages and ETags include it, so an edit saved in any process is seen by
every process at once: nothing has to find and delete individual keys.

Where the number lives depends on whether processes share the cache. With
Redis (``CACHE_URL``) it is a cache key that every process reads. With the
default local-memory cache each process has a cache of its own, so the number
is a row in the database instead: one indexed read per page, and an edit made
through one gunicorn worker still reaches the others.
"""

import threading
from contextlib import contextmanager

from django.core.cache import cache, caches
from django.core.cache.backends.dummy import DummyCache
from django.core.cache.backends.locmem import LocMemCache
from django.db import IntegrityError, connection, transaction
from django.db.models import F

KEY = "pathways:content-version"
ROW = 1
_READ_SQL = "SELECT value FROM pathways_contentversion WHERE id = %s"


def _cache_is_shared() -> bool:
    return not isinstance(caches["default"], LocMemCache | DummyCache)


def current() -> int:
    if _cache_is_shared():
        version = cache.get(KEY)
        if version is None:
            # add() so that two processes starting together agree on one value.
            cache.add(KEY, 1, timeout=None)
            version = cache.get(KEY, 1)
        return version
    # Read on every page view: plain SQL, as the ORM would cost more than the read.
    with connection.cursor() as cursor:
        cursor.execute(_READ_SQL, [ROW])
        row = cursor.fetchone()
    return row[0] if row else 1


class _Hold(threading.local):
    depth = 0
    wanted = False


_hold = _Hold()


@contextmanager
def held():
    """Within this block changes are counted once, at its end (for bulk loads)."""
    _hold.depth += 1
    try:
        yield
    except BaseException:
        _hold.wanted = False
        raise
    finally:
        _hold.depth -= 1
    if not _hold.depth and _hold.wanted:
        _hold.wanted = False
        bump()


def bump() -> None:
    """Mark all content as changed, as part of the current transaction."""
    if _hold.depth:
        _hold.wanted = True
        return
    if not _cache_is_shared():
        _bump_row()
        return
    _bump_key()
    if transaction.get_connection().in_atomic_block:
        # Again after the commit: a page rendered before it saw the old
        # content and may have been cached under the first new number.
        transaction.on_commit(_bump_key)


def _bump_key() -> None:
    try:
        cache.incr(KEY)
    except ValueError:  # not set yet, or evicted
        cache.add(KEY, 2, timeout=None)


def _bump_row() -> None:
    """Counted in the database, so the change commits (or rolls back) with the edit."""
    from .models import ContentVersion

    if ContentVersion.objects.filter(pk=ROW).update(value=F("value") + 1):
        return
    try:
        with transaction.atomic():
            ContentVersion.objects.create(pk=ROW, value=2)
    except IntegrityError:  # another process created it first
        ContentVersion.objects.filter(pk=ROW).update(value=F("value") + 1)
