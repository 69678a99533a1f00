"""Every read of the public pages that spans relations, in one place.

Views call these and stay thin. Each function issues a fixed number of queries
whatever the amount of content, which the query-count tests hold it to.
"""

from dataclasses import dataclass
from itertools import accumulate

from django.db import connection
from django.db.models import (
    Case,
    Exists,
    F,
    IntegerField,
    OuterRef,
    Q,
    QuerySet,
    Subquery,
    Value,
    When,
)

from .models import ActionItem, HubEntry, Pathway, RealityCheckItem, Role

PUBLISHED = Pathway.Status.PUBLISHED

# The hub sort choices: URL value, label, in the order the form offers them.
SORTS = {
    "": "Recommended order",
    "shortest": "Shortest timeline",
    "salary": "Highest salary change",
    "easiest": "Easiest first",
}

# Difficulty words as editors write them, easiest first; anything else sorts last.
DIFFICULTY_RANKS = (
    ("easy", "beginner", "low"),
    ("moderate", "medium", "intermediate"),
    ("challenging",),
    ("hard", "difficult", "advanced", "high", "very hard"),
)
UNKNOWN_DIFFICULTY_RANK = len(DIFFICULTY_RANKS) + 1


def difficulty_rank() -> Case:
    """An expression ranking ``difficulty`` text, computed in the query, not stored."""
    whens = [
        When(Q.create([("difficulty__iexact", word) for word in words], connector=Q.OR), then=rank)
        for rank, words in enumerate(DIFFICULTY_RANKS, start=1)
    ]
    return Case(*whens, default=Value(UNKNOWN_DIFFICULTY_RANK), output_field=IntegerField())


def guide_queryset() -> QuerySet:
    """Pathways with everything their guide page shows: 7 queries for one page."""
    return Pathway.objects.select_related("from_role", "to_role").prefetch_related(
        "transferable_skills",
        "skills",
        "phases",
        "reality_items",
        "action_items",
        "faqs",
    )


def published_guide(slug: str) -> Pathway | None:
    """The published pathway for a guide page, or None."""
    return guide_queryset().filter(status=PUBLISHED, slug=slug).first()


def any_guide(slug: str) -> Pathway | None:
    """A pathway whatever its status, for staff previewing a draft."""
    return guide_queryset().filter(slug=slug).first()


@dataclass(frozen=True)
class PhaseWeeks:
    """A roadmap phase with the weeks it covers, counted from the start of the roadmap."""

    phase: object
    number: int
    first_week: int
    last_week: int


def roadmap(pathway: Pathway) -> list[PhaseWeeks]:
    """The prefetched phases in order, each with its cumulative week range."""
    phases = list(pathway.phases.all())
    ends = list(accumulate(phase.weeks for phase in phases))
    return [
        PhaseWeeks(phase, number, end - phase.weeks + 1, end)
        for number, (phase, end) in enumerate(zip(phases, ends, strict=True), start=1)
    ]


def grouped(items, attribute: str, choices) -> list[tuple[str, list]]:
    """Prefetched items grouped by a choice field, in the choices' order, empty groups left out."""
    groups = {value: [] for value, _label in choices}
    for item in items:
        groups.setdefault(getattr(item, attribute), []).append(item)
    labels = dict(choices)
    return [(labels.get(value, value), members) for value, members in groups.items() if members]


def reality_check(pathway: Pathway) -> list[tuple[str, list]]:
    return grouped(pathway.reality_items.all(), "kind", RealityCheckItem.Kind.choices)


def action_plan(pathway: Pathway) -> list[tuple[str, list]]:
    return grouped(pathway.action_items.all(), "when", ActionItem.When.choices)


def hub_roles() -> QuerySet:
    """Roles with a hub page: the target of a published pathway, or listing one on their hub."""
    # EXISTS rather than joins with DISTINCT: the joins multiply rows by pathways.
    return Role.objects.filter(
        Exists(Pathway.objects.published().filter(to_role=OuterRef("pk")))
        | Exists(HubEntry.objects.filter(hub__role=OuterRef("pk"), pathway__status=PUBLISHED))
    ).order_by("name")


def starting_roles() -> QuerySet:
    """Roles at least one published pathway starts from."""
    return Role.objects.filter(
        Exists(Pathway.objects.published().filter(from_role=OuterRef("pk")))
    ).order_by("name")


def hub_role(slug: str) -> Role | None:
    """A role and its hub row in one query; ``getattr(role, "hub", None)`` reads it."""
    return Role.objects.select_related("hub").filter(slug=slug).first()


def _into_hub(role: Role) -> QuerySet:
    """Published pathways into ``role`` and those its hub lists."""
    listed = HubEntry.objects.filter(hub__role=role).values("pathway_id")
    return Pathway.objects.published().filter(Q(to_role=role) | Q(pk__in=listed))


def hub_pathways(role: Role) -> QuerySet:
    """Published pathways into ``role`` and those its hub lists, each once.

    ``listed_order`` is the position on the hub (None when the hub does not list
    it) and ``difficulty_rank`` the rank used by the "easiest" sort.
    """
    listed = HubEntry.objects.filter(hub__role=role)
    return (
        _into_hub(role)
        .select_related("from_role", "to_role")
        .annotate(
            listed_order=Subquery(listed.filter(pathway=OuterRef("pk")).values("order")[:1]),
            difficulty_rank=difficulty_rank(),
        )
    )


def sort_hub_pathways(pathways: QuerySet, sort: str) -> QuerySet:
    """Order a ``hub_pathways`` queryset by one of ``SORTS`` (unknown: the hub's order)."""
    if sort == "shortest":
        order = [
            F("timeline_min_months").asc(nulls_last=True),
            F("timeline_max_months").asc(nulls_last=True),
        ]
    elif sort == "salary":
        order = [
            F("salary_max_percent").desc(nulls_last=True),
            F("salary_min_percent").desc(nulls_last=True),
        ]
    elif sort == "easiest":
        order = [F("difficulty_rank").asc()]
    else:
        order = [F("listed_order").asc(nulls_last=True)]
    return pathways.order_by(*order, "title", "pk")


def hub_starting_roles(role: Role) -> QuerySet:
    """The roles the hub's pathways start from, for its "starting role" filter."""
    return Role.objects.filter(Exists(_into_hub(role).filter(from_role=OuterRef("pk")))).order_by(
        "name"
    )


def pathways_from(role: Role) -> QuerySet:
    """Published pathways that start from ``role``, by title."""
    return (
        Pathway.objects.published()
        .filter(from_role=role)
        .select_related("from_role", "to_role")
        .order_by("title", "pk")
    )


MAX_QUERY_LENGTH = 200


def search_pathways(q: str) -> QuerySet:
    """Published pathways matching ``q``, best first.

    PostgreSQL: full-text search (web-search syntax) over the title, both role
    names and the overview. Elsewhere: every word must appear in one of them.
    """
    base = Pathway.objects.published().select_related("from_role", "to_role")
    if connection.vendor == "postgresql":
        from django.contrib.postgres.search import SearchQuery, SearchRank, SearchVector

        vector = SearchVector(
            "title", "from_role__name", "to_role__name", weight="A", config="english"
        ) + SearchVector("overview", weight="B", config="english")
        query = SearchQuery(q, search_type="websearch", config="english")
        return (
            base.annotate(document=vector, rank=SearchRank(vector, query))
            .filter(document=query)
            .order_by("-rank", "title", "pk")
        )
    matches = base
    for word in q.split():
        matches = matches.filter(
            Q(title__icontains=word)
            | Q(from_role__name__icontains=word)
            | Q(to_role__name__icontains=word)
            | Q(overview__icontains=word)
        )
    return matches.order_by("title", "pk")


def search_roles(q: str) -> QuerySet:
    """Roles with a hub page whose name matches ``q``."""
    if connection.vendor == "postgresql":
        from django.contrib.postgres.search import SearchQuery, SearchVector

        query = SearchQuery(q, search_type="websearch", config="english")
        return (
            hub_roles()
            .annotate(document=SearchVector("name", "description", config="english"))
            .filter(document=query)
        )
    matches = hub_roles()
    for word in q.split():
        matches = matches.filter(Q(name__icontains=word) | Q(description__icontains=word))
    return matches
