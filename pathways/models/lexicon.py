"""Names the source-text importer must keep whole (e.g. "PyTorch")."""

from django.db import models


class KnownName(models.Model):
    """A product or brand name that run-together resources must not be split inside."""

    name = models.CharField(max_length=100, unique=True)

    class Meta:
        ordering = ["name"]

    def __str__(self):
        return self.name
