"""Plain factory functions: rows with sensible defaults, any field overridable."""

from itertools import count

from pathways.models import (
    FAQ,
    ActionItem,
    Hub,
    HubEntry,
    Pathway,
    RealityCheckItem,
    RoadmapPhase,
    Role,
    Skill,
    TransferableSkill,
)

_numbers = count(1)


def make_role(name=None, **fields):
    number = next(_numbers)
    name = name or f"Role {number}"
    slug = fields.pop("slug", None) or name.lower().replace(" ", "-").replace("/", "-")
    return Role.objects.create(name=name, slug=slug, **fields)


def make_pathway(from_role=None, to_role=None, **fields):
    from_role = from_role or make_role()
    to_role = to_role or make_role()
    defaults = {
        "slug": f"{from_role.slug}-to-{to_role.slug}",
        "title": f"From {from_role.name} to {to_role.name}: Your 6-Month Transition Guide",
        "guide_months": 6,
        "status": Pathway.Status.PUBLISHED,
        "difficulty": "Moderate",
        "timeline_text": "6-9 months",
        "timeline_min_months": 6,
        "timeline_max_months": 9,
        "salary_change_text": "+15%",
        "salary_min_percent": 15,
        "salary_max_percent": 15,
        "demand": "High demand across many sectors.",
        "overview": "First paragraph of the overview.\n\nSecond paragraph of the overview.",
    }
    return Pathway.objects.create(from_role=from_role, to_role=to_role, **(defaults | fields))


def make_full_guide(pathway=None, size=1, **fields):
    """A pathway with ``size`` rows in every part of its guide (two phases per size)."""
    pathway = pathway or make_pathway(**fields)
    for n in range(1, size + 1):
        TransferableSkill.objects.create(
            pathway=pathway, order=n, name=f"Transferable {n}", description=f"Why *{n}* helps."
        )
        Skill.objects.create(
            pathway=pathway,
            order=n,
            name=f"Skill {n}",
            priority=list(Skill.Priority)[n % 3],
            weeks=n + 1,
            description=f"Learn skill {n}.",
        )
        for kind in RealityCheckItem.Kind:
            RealityCheckItem.objects.create(
                pathway=pathway, order=n, kind=kind, text=f"{kind.label} {n}"
            )
        for when in ActionItem.When:
            ActionItem.objects.create(pathway=pathway, order=n, when=when, text=f"{when.label} {n}")
        FAQ.objects.create(
            pathway=pathway, order=n, question=f"Question {n}?", answer=f"**Answer** {n}."
        )
    for n in range(1, 2 * size + 1):
        RoadmapPhase.objects.create(
            pathway=pathway,
            order=n,
            title=f"Phase title {n}",
            weeks=6,
            tasks=f"Task {n}.1\nTask {n}.2",
            resources=f"Resource {n}.1\nResource {n}.2",
        )
    return pathway


def make_hub(role, *listed, description="Discover paths into this role."):
    hub = Hub.objects.create(role=role, description=description)
    for order, pathway in enumerate(listed):
        HubEntry.objects.create(hub=hub, pathway=pathway, order=order)
    return hub
