"""The number that every content change moves on (see ``pathways.caching``)."""

from django.db import models


class ContentVersion(models.Model):
    """A single row whose number goes up with every content change."""

    value = models.PositiveBigIntegerField(default=1)

    def __str__(self):
        return f"content version {self.value}"
