from django.db import models

from .pathways import Pathway


class PathwayRendering(models.Model):
    """A pathway's guide body and summary card as HTML, rendered ahead of any request.

    Written and deleted by ``pathways.rendering`` only; pages use it while its
    ``fingerprint`` matches the templates and code that render it.
    """

    pathway = models.OneToOneField(
        Pathway, on_delete=models.CASCADE, primary_key=True, related_name="rendering"
    )
    fingerprint = models.CharField(max_length=32)
    guide_html = models.TextField()
    card_html = models.TextField()

    class Meta:
        default_permissions = ()  # derived data: nobody edits it by hand

    def __str__(self):
        return f"Rendering of {self.pathway_id}"
