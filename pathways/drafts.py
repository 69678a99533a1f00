"""Pending changes: the next version of a live guide, kept aside until published.

An editor's "Save as draft" runs the admin's own save (the same validation,
the same rows written) in a transaction that is then rolled back, keeping
only the pathway as the export would write it (``exporting.pathway_json``).
Publishing writes that record back through the importer's writer
(``importing.loading.write_guide``) in one transaction that moves the
pathway's version on; the save signals then move the content version and
rewrite the search document, so every page, the sitemap, the API and the
share image follow at once. Visitors' reads never look at pending changes.
"""

from contextlib import contextmanager

from django.db import transaction
from django.utils import timezone

from . import revisions
from .exporting import pathway_json, pathways_for_export
from .importing.loading import write_guide
from .importing.reading import guide_from_json
from .models import Pathway, PendingChange, Role


class _RollBack(Exception):
    pass


@contextmanager
def rolled_back():
    """Run the block in a transaction that is always rolled back.

    For a rehearsal of a write (a preview, a draft's snapshot): whatever the
    block reads sees its own writes, and nothing stays.
    """
    try:
        with transaction.atomic():
            yield
            raise _RollBack
    except _RollBack:
        pass


def snapshot(pathway_id: int) -> dict:
    """The pathway and its parts as the export writes them."""
    return pathway_json(pathways_for_export().get(pk=pathway_id))


def apply(pathway: Pathway, record: dict) -> None:
    """Write a snapshot onto its pathway (inside the caller's transaction).

    Its address and roles are taken from the snapshot too; its view count and
    import digest stay as they are, so a later import still sees the content
    as edited in the admin.
    """
    roles = Role.objects.in_bulk([record["from_role"], record["to_role"]], field_name="slug")
    from_role, to_role = roles[record["from_role"]], roles[record["to_role"]]
    pathway.slug = record["slug"]
    pathway.from_role, pathway.to_role = from_role, to_role
    pathway.status = record["status"]
    write_guide(pathway, guide_from_json(record, from_role.name, to_role.name))


def publish(pathway_id: int) -> bool:
    """Publish a pathway's pending change, if it still has one: the pathway goes live with it.

    The pathway row is locked first, so a concurrent publish (an editor and
    ``publish_due``) applies it once.
    """
    with transaction.atomic():
        pathway = Pathway.objects.select_for_update().filter(pk=pathway_id).first()
        change = PendingChange.objects.filter(pathway_id=pathway_id).first()
        if pathway is None or change is None:
            return False
        pathway.version += 1
        apply(pathway, {**change.record, "status": Pathway.Status.PUBLISHED})
        change.delete()
        revisions.record_many([pathway.pk], "Published the draft")
    return True


def discard(pathway_id: int) -> bool:
    return PendingChange.objects.filter(pathway_id=pathway_id).delete()[0] > 0


def due(now=None):
    """Pending changes whose publication time has come."""
    return PendingChange.objects.filter(publish_at__lte=now or timezone.now())


def publish_due(now=None) -> list[str]:
    """Publish every pending change due at ``now`` (default: the current time); their addresses."""
    published = []
    for pathway_id in due(now).order_by("publish_at").values_list("pathway_id", flat=True):
        if publish(pathway_id):
            published.append(Pathway.objects.values_list("slug", flat=True).get(pk=pathway_id))
    return published
