"""Any change to content retires every cached page (see ``pathways.content_version``)."""

from django.db.models.signals import m2m_changed, post_delete, post_save

from . import content_version
from .models import GUIDE_PARTS, Hub, HubEntry, Pathway, Role

CONTENT_MODELS = (Role, Pathway, *GUIDE_PARTS, Hub, HubEntry)


def content_changed(sender, **kwargs):
    content_version.bump()


def hub_listing_changed(sender, action, **kwargs):
    if action.startswith("post_"):
        content_version.bump()


def connect():
    """Called once from ``PathwaysConfig.ready()``."""
    for model in CONTENT_MODELS:
        uid = f"pathways-content-{model._meta.label_lower}"
        post_save.connect(content_changed, sender=model, dispatch_uid=f"{uid}-save")
        post_delete.connect(content_changed, sender=model, dispatch_uid=f"{uid}-delete")
    # hub.pathways.add()/remove() write HubEntry rows without save signals.
    m2m_changed.connect(
        hub_listing_changed, sender=Hub.pathways.through, dispatch_uid="pathways-hub-m2m"
    )
