"""Revisions of pathways: who changed a guide, when, and what; and going back to one.

Each revision (django-reversion) holds the pathway and every part of its guide
as they were after a change. Admin saves, list actions, imports and reverts
each record one. ``diff`` compares two revisions field by field; ``revert``
restores a revision exactly, parts included, as a new revision.
"""

import difflib
import json
from dataclasses import dataclass

import reversion
from django.contrib.contenttypes.models import ContentType
from django.core import serializers
from django.core.serializers.json import DjangoJSONEncoder
from django.db import router, transaction
from django.utils import timezone
from reversion.models import Revision, Version

from . import caching, search
from .models import GUIDE_PARTS, Pathway, RoadmapPhase

# Bookkeeping that changes without anyone editing the guide.
NOT_CONTENT = {"id", "pathway", "version", "views", "import_digest", "created_at", "updated_at"}
PART_RELATIONS = {
    part: part._meta.get_field("pathway").remote_field.related_name for part in GUIDE_PARTS
}


def register() -> None:
    """Record pathways with every part of their guide (called once, when the app is ready)."""
    for part in GUIDE_PARTS:
        if not reversion.is_registered(part):
            reversion.register(part)
    if not reversion.is_registered(Pathway):
        reversion.register(Pathway, follow=list(PART_RELATIONS.values()))


def record(pathways, comment: str, user=None) -> None:
    """Record a revision of each pathway as it is now, with a comment (inside a revision block)."""
    for pathway in pathways:
        reversion.add_to_revision(pathway)
    reversion.set_comment(comment)
    if user is not None and user.is_authenticated:
        reversion.set_user(user)


def record_many(pathway_ids, comment: str, user=None) -> Revision | None:
    """Record one revision of these pathways as they are now (inside the caller's transaction).

    The same rows ``record`` writes, for an import of a thousand guides: read
    with their parts in a few queries and inserted in bulk, where reversion's
    own revision block copies its whole list of versions for each row added.
    """
    pathways = list(
        Pathway.objects.filter(pk__in=pathway_ids)
        .prefetch_related(*PART_RELATIONS.values())
        .order_by("pk")
    )
    if not pathways:
        return None
    revision = Revision.objects.create(
        date_created=timezone.now(),
        user=user if user is not None and user.is_authenticated else None,
        comment=comment,
    )
    db = router.db_for_write(Pathway)
    types = ContentType.objects.get_for_models(Pathway, *PART_RELATIONS)
    rows = list(pathways)
    for pathway in pathways:
        for relation in PART_RELATIONS.values():
            rows.extend(getattr(pathway, relation).all())
    # What the "json" serializer writes for one row, encoded by the C encoder.
    data = serializers.serialize("python", rows)
    versions = [
        Version(
            revision=revision,
            content_type=types[type(row)],
            object_id=str(row.pk),
            db=db,
            format="json",
            serialized_data=json.dumps([fields], cls=DjangoJSONEncoder, ensure_ascii=False) + "\n",
            object_repr=str(row),
        )
        for row, fields in zip(rows, data, strict=True)
    ]
    Version.objects.bulk_create(versions, batch_size=1000)
    return revision


def versions_of(pathway) -> list[Version]:
    """The pathway's recorded versions, newest first, with their revisions and authors."""
    return list(
        Version.objects.get_for_object(pathway)
        .select_related("revision__user")
        .order_by("-revision__date_created", "-pk")
    )


@dataclass(frozen=True)
class FieldChange:
    part: str  # "pathway", or the part's kind and name, e.g. "roadmap phase “Phase 1”"
    field: str
    before: object
    after: object

    @property
    def lines(self) -> list[str]:
        """A line-by-line diff of text; the two values otherwise."""
        before, after = _text(self.before), _text(self.after)
        return list(difflib.unified_diff(before, after, "before", "after", lineterm="", n=1))[2:]

    @property
    def multiline(self) -> bool:
        """Text of more than one line, shown as a line diff rather than two values."""
        return any(isinstance(v, str) and "\n" in v for v in (self.before, self.after))

    @property
    def marked_lines(self) -> list[tuple[str, str]]:
        """``lines`` as (kind, text): "added", "removed", "same" or "hunk" (a line range)."""
        kinds = {"+": "added", "-": "removed", " ": "same", "@": "hunk"}
        return [(kinds[line[0]], line if line[0] == "@" else line[1:]) for line in self.lines]


def _text(value) -> list[str]:
    return ("" if value is None else str(value)).splitlines()


def snapshot(version: Version) -> dict:
    """The guide in a pathway version's revision: {(label, pk): {field: value}}."""
    guide = {}
    for stored in version.revision.version_set.all():
        model = stored._model
        if model is not Pathway and model not in PART_RELATIONS:
            continue
        fields = {
            name: value for name, value in stored.field_dict.items() if name not in NOT_CONTENT
        }
        # A revision from a list action or an import holds several pathways.
        if str(fields.pop("pathway_id", version.object_id)) != version.object_id:
            continue
        label = "pathway" if model is Pathway else model._meta.verbose_name
        guide[(label, stored.object_id)] = fields
    return guide


def current(pathway: Pathway) -> dict:
    """The guide as it is now, in the shape of ``snapshot``."""
    guide = {}
    for row in [
        pathway,
        *(row for model in PART_RELATIONS for row in model.objects.filter(pathway=pathway)),
    ]:
        fields = {
            field.attname: getattr(row, field.attname)
            for field in type(row)._meta.concrete_fields
            if field.name not in NOT_CONTENT
        }
        label = "pathway" if type(row) is Pathway else type(row)._meta.verbose_name
        guide[(label, str(row.pk))] = fields
    return guide


def diff(older: Version, newer: Version) -> list[FieldChange]:
    """Every field that differs between two versions of a pathway, part by part."""
    return diff_guides(snapshot(older), snapshot(newer))


def changes_on_revert(version: Version) -> list[FieldChange]:
    """What reverting to ``version`` would change in the guide as it is now."""
    pathway = Pathway.objects.get(pk=version.object_id)
    return diff_guides(current(pathway), snapshot(version))


def diff_guides(before: dict, after: dict) -> list[FieldChange]:
    """Every field that differs between two guides in the shape of ``snapshot``."""
    changes = []
    for key in sorted(before.keys() | after.keys(), key=lambda key: (key[0] != "pathway", key)):
        old, new = before.get(key, {}), after.get(key, {})
        name = _part_name(key, old, new)
        for field in [*new, *[field for field in old if field not in new]]:
            if old.get(field) != new.get(field):
                changes.append(FieldChange(name, field, old.get(field), new.get(field)))
    return changes


def _part_name(key, old, new) -> str:
    label, _ = key
    if label == "pathway":
        return label
    fields = new or old
    title = next((fields[f] for f in ("title", "name", "question", "text") if fields.get(f)), "")
    return f"{label} “{title}”"


def revert(version: Version, user=None) -> Pathway:
    """Restore the pathway and its parts as in ``version``'s revision, as a new revision.

    Parts added since are removed and parts deleted since come back. The
    pathway's version moves on past the current one (open forms see the change,
    stored pages are rendered again); its view count is the visitors', kept.
    """
    with transaction.atomic(), reversion.create_revision():
        pathway = Pathway.objects.select_for_update().get(pk=version.object_id)
        current, views = pathway.version, pathway.views
        # Phases hold one order number each: move them aside so restored numbers fit.
        for offset, pk in enumerate(pathway.phases.values_list("pk", flat=True)):
            RoadmapPhase.objects.filter(pk=pk).update(order=30000 + offset)
        version.revision.revert(delete=True)
        Pathway.objects.filter(pk=pathway.pk).update(version=current + 1, views=views)
        pathway.refresh_from_db()
        when = version.revision.date_created.strftime("%Y-%m-%d %H:%M")
        record([pathway], f"Reverted to the revision of {when}", user)
        caching.move_content_version_on()
        search.update_index([pathway.pk])
    return pathway


def add_pathways(ids) -> None:
    """Add these pathways, as they are now, to the revision being recorded, if any."""
    if reversion.is_active():
        for pathway in Pathway.objects.filter(pk__in=ids):
            reversion.add_to_revision(pathway)
