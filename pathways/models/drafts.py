from django.conf import settings
from django.db import models

from .pathways import Pathway


class PendingChange(models.Model):
    """The next version of a pathway, kept aside until an editor (or its time) publishes it.

    ``record`` is the pathway as the schema-1 export writes it
    (``pathways.exporting.pathway_json``); publishing writes it back through
    the importer's writer (``pathways.drafts``). Visitors never read it.
    """

    pathway = models.OneToOneField(
        Pathway, on_delete=models.CASCADE, primary_key=True, related_name="pending_change"
    )
    record = models.JSONField()
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True
    )
    created_at = models.DateTimeField(auto_now_add=True)
    publish_at = models.DateTimeField(
        null=True, blank=True, db_index=True, help_text="Published by publish_due once past."
    )

    class Meta:
        # Editors reach it through the pathway's own permissions.
        default_permissions = ()

    def __str__(self):
        return f"Pending change of {self.pathway_id}"
