from django.db import models

from .pathways import Pathway


class PathwayRendering(models.Model):
    """A pathway's guide body and summary card as HTML, and what they were rendered from.

    Written by ``pathways.caching`` only, which uses them while both numbers
    still match the pathway's ``version`` and its ``TEMPLATE_VERSION``.
    """

    pathway = models.OneToOneField(
        Pathway, on_delete=models.CASCADE, primary_key=True, related_name="rendering"
    )
    pathway_version = models.PositiveIntegerField(default=0)
    template_version = models.PositiveIntegerField(default=0)
    guide_html = models.TextField()
    card_html = models.TextField()

    class Meta:
        default_permissions = ()  # derived data: nobody edits it by hand

    def __str__(self):
        return f"Rendering of {self.pathway_id}"
