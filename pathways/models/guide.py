"""The parts of a transition guide, each ordered within its pathway."""

from django.core.validators import MinValueValidator
from django.db import models
from markdownx.models import MarkdownxField

from .pathways import Pathway


class GuidePart(models.Model):
    """What every part shares: its place in the pathway's list.

    Each part declares its own ``pathway`` key, named for how the guide reaches
    it (``pathway.skills``, ``pathway.faqs``, …).
    """

    order = models.PositiveSmallIntegerField(default=0)

    class Meta:
        abstract = True
        ordering = ["order", "pk"]


class TransferableSkill(GuidePart):
    pathway = models.ForeignKey(
        Pathway, on_delete=models.CASCADE, related_name="transferable_skills"
    )
    name = models.CharField(max_length=200)
    description = MarkdownxField(blank=True)

    class Meta(GuidePart.Meta):
        pass

    def __str__(self):
        return self.name


class Skill(GuidePart):
    """A skill to learn, with how much it matters and how long it takes."""

    class Priority(models.TextChoices):
        CRITICAL = "critical", "Critical"
        IMPORTANT = "important", "Important"
        NICE_TO_HAVE = "nice_to_have", "Nice to have"

    pathway = models.ForeignKey(Pathway, on_delete=models.CASCADE, related_name="skills")
    name = models.CharField(max_length=200)
    priority = models.CharField(max_length=20, choices=Priority)
    weeks = models.PositiveSmallIntegerField(validators=[MinValueValidator(1)])
    description = MarkdownxField(blank=True)

    class Meta(GuidePart.Meta):
        constraints = [
            models.CheckConstraint(condition=models.Q(weeks__gt=0), name="skill_weeks_gt_0")
        ]

    def __str__(self):
        return self.name


class RoadmapPhase(GuidePart):
    """A phase of the learning roadmap; tasks and resources one per line, in order."""

    pathway = models.ForeignKey(Pathway, on_delete=models.CASCADE, related_name="phases")
    title = models.CharField(max_length=200)
    weeks = models.PositiveSmallIntegerField(validators=[MinValueValidator(1)])
    tasks = models.TextField(blank=True, help_text="One task per line, in order.")
    resources = models.TextField(blank=True, help_text="One resource per line, in order.")

    class Meta(GuidePart.Meta):
        constraints = [
            models.UniqueConstraint(fields=["pathway", "order"], name="one_phase_per_order"),
            models.CheckConstraint(condition=models.Q(weeks__gt=0), name="phase_weeks_gt_0"),
        ]

    def __str__(self):
        return self.title

    @property
    def task_list(self):
        return [line.strip() for line in self.tasks.splitlines() if line.strip()]

    @property
    def resource_list(self):
        return [line.strip() for line in self.resources.splitlines() if line.strip()]


class RealityCheckItem(GuidePart):
    class Kind(models.TextChoices):
        LOVE = "love", "What you'll love"
        MISS = "miss", "What you might miss"
        CHALLENGE = "challenge", "Biggest challenges"

    pathway = models.ForeignKey(Pathway, on_delete=models.CASCADE, related_name="reality_items")
    kind = models.CharField(max_length=10, choices=Kind)
    text = models.TextField()

    class Meta(GuidePart.Meta):
        ordering = ["kind", "order", "pk"]  # the admin lists each kind together

    def __str__(self):
        return self.text


class ActionItem(GuidePart):
    class When(models.TextChoices):
        THIS_WEEK = "this_week", "This week"
        THIS_MONTH = "this_month", "This month"
        NEXT_90_DAYS = "next_90_days", "Next 90 days"

    pathway = models.ForeignKey(Pathway, on_delete=models.CASCADE, related_name="action_items")
    when = models.CharField(max_length=12, choices=When)
    text = models.TextField()

    class Meta(GuidePart.Meta):
        pass

    def __str__(self):
        return self.text


class FAQ(GuidePart):
    pathway = models.ForeignKey(Pathway, on_delete=models.CASCADE, related_name="faqs")
    question = models.CharField(max_length=300)
    answer = MarkdownxField()
    question_inferred = models.BooleanField(
        "needs review",
        default=False,
        help_text="The question was written by the importer; confirm or rewrite it, then untick.",
    )

    class Meta(GuidePart.Meta):
        verbose_name = "FAQ"
        verbose_name_plural = "FAQs"

    def __str__(self):
        return self.question


# Every part of a guide, in page order: what an import replaces and what edits touch.
GUIDE_PARTS = (TransferableSkill, Skill, RoadmapPhase, RealityCheckItem, ActionItem, FAQ)
