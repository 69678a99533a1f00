from django.contrib.postgres.search import SearchVectorField
from django.db import models

from .pathways import Pathway


class SearchDocument(models.Model):
    """What search reads of a pathway, one text per weight, written by ``pathways.search`` only.

    ``vector`` is PostgreSQL's stored search vector (GIN-indexed by a
    migration); on SQLite it stays empty and an FTS5 table kept in step with
    this one by triggers (same migration) indexes the texts instead.
    """

    pathway = models.OneToOneField(
        Pathway, on_delete=models.CASCADE, primary_key=True, related_name="search_document"
    )
    target = models.TextField()  # the role the pathway leads to
    roles = models.TextField()  # the starting role and the title
    skills = models.TextField()  # skills that carry over and skills to learn
    body = models.TextField()  # everything else on the guide page
    vector = SearchVectorField(null=True, editable=False)

    class Meta:
        default_permissions = ()  # derived data: nobody edits it by hand

    def __str__(self):
        return f"Search document of {self.pathway_id}"
