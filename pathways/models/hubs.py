"""Hub pages: "How to Become a <Role>" and the pathways they list."""

from django.db import models
from markdownx.models import MarkdownxField

from .pathways import Pathway
from .roles import Role


class Hub(models.Model):
    role = models.OneToOneField(Role, on_delete=models.CASCADE, related_name="hub")
    description = MarkdownxField(blank=True, help_text="Introduction shown at the top of the hub.")
    pathways = models.ManyToManyField(Pathway, through="HubEntry", related_name="hubs")
    # Digest of the hub (with its role's description) as last imported.
    import_digest = models.CharField(max_length=64, blank=True, editable=False)
    updated_at = models.DateTimeField(auto_now=True)

    def __str__(self):
        return f"How to become {self.role.name}"


class HubEntry(models.Model):
    """A pathway a hub lists explicitly, in the hub's order."""

    hub = models.ForeignKey(Hub, on_delete=models.CASCADE, related_name="entries")
    pathway = models.ForeignKey(Pathway, on_delete=models.CASCADE, related_name="hub_entries")
    order = models.PositiveSmallIntegerField(default=0)

    class Meta:
        ordering = ["order", "pk"]
        verbose_name_plural = "hub entries"
        constraints = [
            models.UniqueConstraint(fields=["hub", "pathway"], name="hub_lists_pathway_once")
        ]

    def __str__(self):
        return str(self.pathway)
