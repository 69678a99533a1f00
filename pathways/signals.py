"""Any change to content retires every cached page (see ``pathways.content_version``)
and the stored HTML of the pathways it shows on (see ``pathways.rendering``)."""

from django.db.models import Q
from django.db.models.signals import m2m_changed, post_delete, post_save

from . import content_version, rendering
from .models import GUIDE_PARTS, Hub, HubEntry, Pathway, Role

CONTENT_MODELS = (Role, Pathway, *GUIDE_PARTS, Hub, HubEntry)


def content_changed(sender, **kwargs):
    content_version.bump()


def pathway_saved(sender, instance, **kwargs):
    rendering.stale([instance.pk])


def part_changed(sender, instance, **kwargs):
    rendering.stale([instance.pathway_id])


def role_saved(sender, instance, created, update_fields=None, **kwargs):
    """A role's name and address appear on every guide and card from or to it."""
    if created or (update_fields is not None and not {"name", "slug"} & set(update_fields)):
        return
    pathways = Pathway.objects.filter(Q(from_role=instance) | Q(to_role=instance))
    rendering.stale(pathways.values_list("pk", flat=True))


def hub_listing_changed(sender, action, **kwargs):
    if action.startswith("post_"):
        content_version.bump()


def connect():
    """Called once from ``PathwaysConfig.ready()``."""
    for model in CONTENT_MODELS:
        uid = f"pathways-content-{model._meta.label_lower}"
        post_save.connect(content_changed, sender=model, dispatch_uid=f"{uid}-save")
        post_delete.connect(content_changed, sender=model, dispatch_uid=f"{uid}-delete")
    post_save.connect(pathway_saved, sender=Pathway, dispatch_uid="pathways-rendering-pathway")
    post_save.connect(role_saved, sender=Role, dispatch_uid="pathways-rendering-role")
    for model in GUIDE_PARTS:
        uid = f"pathways-rendering-{model._meta.label_lower}"
        post_save.connect(part_changed, sender=model, dispatch_uid=f"{uid}-save")
        post_delete.connect(part_changed, sender=model, dispatch_uid=f"{uid}-delete")
    # hub.pathways.add()/remove() write HubEntry rows without save signals.
    m2m_changed.connect(
        hub_listing_changed, sender=Hub.pathways.through, dispatch_uid="pathways-hub-m2m"
    )
