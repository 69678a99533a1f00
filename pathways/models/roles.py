"""Roles people move from and to."""

from django.db import models
from django.urls import reverse
from markdownx.models import MarkdownxField


class Role(models.Model):
    slug = models.SlugField(max_length=120, unique=True, allow_unicode=True)
    name = models.CharField(max_length=120, unique=True)
    description = MarkdownxField(blank=True, help_text="Markdown: what people in this role do.")
    parent = models.ForeignKey(
        "self",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="children",
        help_text="A broader role this one specialises, if any.",
    )
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        ordering = ["name"]

    def __str__(self):
        return self.name

    def get_absolute_url(self):
        return reverse("pathways:hub", args=[self.slug])
