"""Optimistic concurrency for edits: a save based on an older version is refused.

A pathway carries a ``version`` number. The change form remembers the version
it was opened at; when it is saved, the row is locked for the rest of the
transaction and the numbers compared, so of two editors saving the same
pathway at once exactly one wins and the other is told, with their edits
still on screen.
"""

from django.db import connections, router


def stale_edit_message(noun: str) -> str:
    return (
        f"This {noun} was changed by someone else since you opened it, so your changes "
        "were not saved (nothing has been lost: their changes are kept, and yours are "
        "still shown below). Copy what you need, reload the page to see the latest "
        "version, and make your changes again."
    )


def locked(queryset):
    """The queryset with its rows locked until the current transaction ends.

    Outside a transaction there is nothing to hold a lock, so the queryset is
    returned as it is. (SQLite has no row locks; its write transactions start
    with BEGIN IMMEDIATE, which serialises writers just the same.)
    """
    alias = router.db_for_write(queryset.model)
    if not connections[alias].in_atomic_block:
        return queryset
    return queryset.select_for_update(of=("self",))
