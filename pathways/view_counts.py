"""Adding counted guide views to the database, at once or gathered in Redis.

With the local-memory cache each counted view is one ``UPDATE … SET views =
views + 1``: exact, but one write on the guide's row per view, a hot spot once
several machines count a popular guide. With Redis (``CACHE_URL``) a counted
view only raises the guide's pending count there, and notes the guide in a set
of guides with pending counts (one MULTI round trip). Every
``VIEW_FLUSH_SECONDS`` the first counted view to find the interval over (a
``SET NX`` key that expires after it, so one process in all) writes them: for
each noted guide, its pending count is read and reset in one transaction and
added with one ``UPDATE … SET views = views + n``; if that write fails the
amount goes back to Redis. ``manage.py flush_views`` and gunicorn's shutdown
do the same, so nothing waits for the next visitor.

Reset and write are not one transaction: a process that dies between them
loses that guide's pending count (at most the views since the last flush).
"""

import logging

from django.conf import settings
from django.core.cache import caches
from django.core.cache.backends.redis import RedisCache
from django.db import DatabaseError, transaction
from django.db.models import F

from .models import Pathway

logger = logging.getLogger(__name__)

PENDING_GUIDES = "pathways:views:pending"
FLUSH_DUE = "pathways:views:flush"


def _pending_key(pathway_id: int) -> str:
    return f"pathways:views:pending:{pathway_id}"


def _redis():
    """The shared cache's Redis client and key maker, or None with any other cache."""
    backend = caches["default"]
    if not isinstance(backend, RedisCache):
        return None
    return backend._cache.get_client(write=True), backend.make_and_validate_key


def add_view(pathway_id: int) -> int | None:
    """Count one view of a guide.

    With Redis: returns the guide's views not yet in the database, this one
    included, and writes all pending views if the interval is over. Otherwise
    the view is written at once and the answer is None.
    """
    redis = _redis()
    if redis is None:
        Pathway.objects.filter(pk=pathway_id).update(views=F("views") + 1)
        return None
    client, key = redis
    with client.pipeline(transaction=True) as pipe:
        pipe.incr(key(_pending_key(pathway_id)))
        pipe.sadd(key(PENDING_GUIDES), pathway_id)
        pipe.set(key(FLUSH_DUE), 1, ex=settings.VIEW_FLUSH_SECONDS, nx=True)
        pending, _, flush_due = pipe.execute()
    if flush_due:
        try:
            flush()
        except DatabaseError:
            # Put back by flush(); the next interval tries again.
            logger.warning("view counts not written to the database", exc_info=True)
    return pending


def pending_views(pathway_id: int) -> int:
    """Views of a guide counted in Redis and not yet in the database (0 without Redis)."""
    redis = _redis()
    if redis is None:
        return 0
    client, key = redis
    return int(client.get(key(_pending_key(pathway_id))) or 0)


def flush() -> tuple[int, int]:
    """Add every pending count to the database, one statement per guide.

    Returns (views written, guides). If a write fails its amount is put back
    in Redis, the guides not yet reached stay pending, and the error is raised.
    """
    redis = _redis()
    if redis is None:
        return 0, 0
    client, key = redis
    views = guides = 0
    for member in client.smembers(key(PENDING_GUIDES)):
        pathway_id = int(member)
        pending = key(_pending_key(pathway_id))
        # Out of the set before the reset: a view counted after it notes the guide again.
        with client.pipeline(transaction=True) as pipe:
            pipe.srem(key(PENDING_GUIDES), pathway_id)
            pipe.getdel(pending)
            _, amount = pipe.execute()
        if not amount:
            continue
        amount = int(amount)
        try:
            # A savepoint when called inside a transaction, so a failure leaves it usable.
            with transaction.atomic():
                updated = Pathway.objects.filter(pk=pathway_id).update(views=F("views") + amount)
        except DatabaseError:
            with client.pipeline(transaction=True) as pipe:
                pipe.incrby(pending, amount)
                pipe.sadd(key(PENDING_GUIDES), pathway_id)
                pipe.execute()
            raise
        if updated:  # else the guide was deleted meanwhile, and its views with it
            views += amount
            guides += 1
    return views, guides
