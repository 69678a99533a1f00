"""A pathway: the guide for moving from one role to another."""

from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import Q
from django.urls import reverse
from markdownx.models import MarkdownxField

from .roles import Role


class PathwayQuerySet(models.QuerySet):
    def published(self):
        return self.filter(status=Pathway.Status.PUBLISHED)


class Pathway(models.Model):
    class Status(models.TextChoices):
        DRAFT = "draft", "Draft"
        PUBLISHED = "published", "Published"

    slug = models.SlugField(max_length=250, unique=True, allow_unicode=True)
    from_role = models.ForeignKey(Role, on_delete=models.PROTECT, related_name="pathways_from")
    to_role = models.ForeignKey(Role, on_delete=models.PROTECT, related_name="pathways_to")
    title = models.CharField(max_length=300)
    guide_months = models.PositiveSmallIntegerField(
        null=True, blank=True, help_text='From the title: "Your 6-Month Transition Guide" is 6.'
    )
    status = models.CharField(max_length=10, choices=Status, default=Status.DRAFT, db_index=True)
    has_guide = models.BooleanField(
        default=True, help_text="False for a pathway known only from a hub: no full guide yet."
    )
    views = models.PositiveBigIntegerField(default=0)
    # Editorial metadata, set by editors: not part of the imported or exported content.
    last_reviewed = models.DateField(
        null=True, blank=True, help_text="When an editor last checked the whole guide."
    )

    difficulty = models.CharField(max_length=60, blank=True)
    timeline_text = models.CharField("timeline", max_length=120, blank=True)
    timeline_min_months = models.PositiveSmallIntegerField(null=True, blank=True)
    timeline_max_months = models.PositiveSmallIntegerField(null=True, blank=True)
    salary_change_text = models.CharField("salary change", max_length=120, blank=True)
    salary_min_percent = models.SmallIntegerField(null=True, blank=True)
    salary_max_percent = models.SmallIntegerField(null=True, blank=True)
    demand = models.TextField(blank=True)
    overview = MarkdownxField(
        blank=True, help_text="Markdown; paragraphs separated by a blank line."
    )

    # Optimistic locking: a save based on an older version is refused.
    version = models.PositiveIntegerField(default=1)
    # Digest of the content as last imported, to tell editor changes apart.
    import_digest = models.CharField(max_length=64, blank=True, editable=False)
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    objects = PathwayQuerySet.as_manager()

    class Meta:
        ordering = ["slug"]
        constraints = [
            models.UniqueConstraint(fields=["from_role", "to_role"], name="one_pathway_per_pair"),
            models.CheckConstraint(
                condition=Q(timeline_min_months__isnull=True)
                | Q(timeline_max_months__isnull=True)
                | Q(timeline_min_months__lte=models.F("timeline_max_months")),
                name="timeline_min_lte_max",
            ),
            models.CheckConstraint(
                condition=Q(salary_min_percent__isnull=True)
                | Q(salary_max_percent__isnull=True)
                | Q(salary_min_percent__lte=models.F("salary_max_percent")),
                name="salary_min_lte_max",
            ),
        ]

    def __str__(self):
        return self.title

    def get_absolute_url(self):
        return reverse("pathways:guide", args=[self.slug])

    def clean(self):
        errors = {}
        if (
            self.timeline_min_months is not None
            and self.timeline_max_months is not None
            and self.timeline_min_months > self.timeline_max_months
        ):
            errors["timeline_max_months"] = (
                "The longest timeline cannot be shorter than the shortest."
            )
        if (
            self.salary_min_percent is not None
            and self.salary_max_percent is not None
            and self.salary_min_percent > self.salary_max_percent
        ):
            errors["salary_max_percent"] = "The highest salary change cannot be below the lowest."
        if self.from_role_id and self.from_role_id == self.to_role_id:
            errors["to_role"] = "A pathway must lead to a different role."
        if errors:
            raise ValidationError(errors)
