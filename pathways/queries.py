"""Every read of the public pages that spans relations, in one place.

Views call these and stay thin. Each function issues a fixed number of queries
whatever the amount of content, which the query-count tests hold it to.
"""

from dataclasses import dataclass
from functools import cache
from typing import NamedTuple

from django.db import connection
from django.db.models import (
    Case,
    Exists,
    F,
    OuterRef,
    Q,
    QuerySet,
    Subquery,
    Sum,
    Value,
    When,
    Window,
)
from django.db.models.functions import RowNumber

from .addresses import role_slug
from .models import Hub, HubEntry, Pathway, PathwayRendering, RoadmapPhase, Role

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
_RANK_OF_WORD = {word: rank for rank, words in enumerate(DIFFICULTY_RANKS, 1) for word in words}


def difficulty_rank(difficulty: str) -> int:
    """The rank of a ``difficulty`` text for the "easiest" sort, whatever its case."""
    return _RANK_OF_WORD.get(difficulty.strip().casefold(), UNKNOWN_DIFFICULTY_RANK)


def guide(slug: str) -> Pathway | None:
    """A pathway, whatever its status, with its roles and stored guide HTML (``caching``)."""
    pathways = Pathway.objects.select_related("from_role", "to_role", "rendering")
    return pathways.defer("rendering__card_html").filter(slug=slug).first()


def published_with_roles(slug: str) -> Pathway | None:
    """A published pathway with its two roles and nothing else (its share card)."""
    pathways = Pathway.objects.published().select_related("from_role", "to_role")
    return pathways.filter(slug=slug).first()


def with_cards(pathways: QuerySet) -> QuerySet:
    """Listed pathways with what their cards show: roles and the stored card HTML."""
    return pathways.select_related("from_role", "to_role", "rendering").defer(
        "rendering__guide_html"
    )


def with_cards_in_order(pathway_ids: list[int]) -> list[Pathway]:
    """These pathways in this order, with what their cards show, in one query."""
    found = with_cards(Pathway.objects.all()).in_bulk(pathway_ids)
    return [found[pk] for pk in pathway_ids if pk in found]


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


def role_with_hub(slug: str) -> Role | None:
    """A role and its hub row (if any) in one query; ``getattr(role, "hub", None)`` reads it."""
    return Role.objects.select_related("hub").filter(slug=slug).first()


class StartingRole(NamedTuple):
    """A role a hub's paths start from: a value and label for its filter."""

    slug: str
    name: str


class StoredCard(NamedTuple):
    """A stored card and what it was rendered from, as ``caching.cards_html`` reads it."""

    pathway_version: int
    template_version: int
    card_html: str


@dataclass(frozen=True)
class HubPath:
    """What a hub filters and sorts one of its pathways by, and its stored card."""

    pk: int
    slug: str
    title: str
    start: StartingRole
    listed_order: int | None  # its place on the hub; None when the hub does not list it
    timeline_min_months: int | None
    timeline_max_months: int | None
    salary_min_percent: int | None
    salary_max_percent: int | None
    difficulty: str
    version: int
    rendering: StoredCard | None  # None when nothing is stored


@cache
def _hub_paths_sql() -> str:
    """Published pathways into a role and those its hub lists, with what ``HubPath`` holds.

    A UNION of the two id lists, not "to_role = x OR id IN (…)": with the OR,
    SQLite walks every published pathway (60 ms a hub page at 10,000).
    Written with the ORM (``annotate`` with a ``Subquery``, ``select_related``)
    an uncached hub page took 3.2 ms against 1.4 ms with this (medians of 5
    runs of 200 renders at 1,000 pathways, 2026-11-29), nearly all of it in
    building and compiling the query: SQLite answers it in 0.1 ms.
    """
    q = connection.ops.quote_name
    pathway, role, hub, entry, rendering = (
        q(model._meta.db_table) for model in (Pathway, Role, Hub, HubEntry, PathwayRendering)
    )
    return f"""
        SELECT p.id, p.slug, p.title, r.slug, r.name,
               (SELECT MIN(e.{q("order")}) FROM {entry} e
                 INNER JOIN {hub} h ON e.hub_id = h.id
                 WHERE h.role_id = %s AND e.pathway_id = p.id),
               p.timeline_min_months, p.timeline_max_months,
               p.salary_min_percent, p.salary_max_percent, p.difficulty, p.version,
               stored.pathway_version, stored.template_version, stored.card_html
          FROM {pathway} p INNER JOIN {role} r ON p.from_role_id = r.id
          LEFT JOIN {rendering} stored ON stored.pathway_id = p.id
         WHERE p.status = %s
           AND p.id IN (SELECT id FROM {pathway} WHERE to_role_id = %s
                        UNION
                        SELECT e.pathway_id FROM {entry} e
                         INNER JOIN {hub} h ON e.hub_id = h.id
                         WHERE h.role_id = %s)
    """


def hub_paths(role: Role) -> list[HubPath]:
    """Every published pathway on ``role``'s hub, each once, with its stored card, in one query.

    A hub holds at most one path per starting role plus the few it lists, so
    they are filtered and sorted here rather than by more queries.
    """
    with connection.cursor() as cursor:
        cursor.execute(_hub_paths_sql(), [role.pk, PUBLISHED, role.pk, role.pk])
        rows = cursor.fetchall()
    # Columns: id, slug, title, starting role (2), listed order, five facts,
    # version, then the stored card (3, all None when nothing is stored).
    return [
        HubPath(
            *row[0:3],
            StartingRole(*row[3:5]),
            *row[5:12],
            None if row[14] is None else StoredCard(*row[12:]),
        )
        for row in rows
    ]


def hub_starting_roles(paths: list[HubPath]) -> list[StartingRole]:
    """The roles a hub's paths start from, by name, for its "starting role" filter."""
    return sorted({path.start for path in paths}, key=lambda start: (start.name, start.slug))


def _missing_last(value, *, descending=False) -> tuple:
    return (1, 0) if value is None else (0, -value if descending else value)


HUB_SORT_KEYS = {
    "": lambda p: (_missing_last(p.listed_order), p.title, p.pk),
    "shortest": lambda p: (
        _missing_last(p.timeline_min_months),
        _missing_last(p.timeline_max_months),
        p.title,
        p.pk,
    ),
    "salary": lambda p: (
        _missing_last(p.salary_max_percent, descending=True),
        _missing_last(p.salary_min_percent, descending=True),
        p.title,
        p.pk,
    ),
    "easiest": lambda p: (difficulty_rank(p.difficulty), p.title, p.pk),
}


def sort_hub_paths(paths: list[Pathway], sort: str) -> list[Pathway]:
    """The paths in the order of one of ``SORTS`` (unknown: the hub's own order)."""
    return sorted(paths, key=HUB_SORT_KEYS.get(sort, HUB_SORT_KEYS[""]))


def pathways_from(role: Role) -> QuerySet:
    """Published pathways that start from ``role``, by title."""
    return with_cards(Pathway.objects.published().filter(from_role=role)).order_by("title", "pk")


MAX_QUERY_LENGTH = 200


def search_pathways(q: str) -> list[Pathway]:
    """Published pathways matching ``q``, best first, with what their cards show.

    Two queries; how matches are found and ranked is ``pathways.search``'s.
    """
    from . import search

    return with_cards_in_order(search.matching_ids(q))


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


class RelatedPaths(NamedTuple):
    """Other published paths into a guide's role (on its hub) and from its starting role."""

    into: list[Pathway]
    starting_alike: list[Pathway]

    @property
    def nearest_written(self) -> list[Pathway]:
        """Those with a written guide: into the same role first, then from the same one."""
        return [path for path in (*self.into, *self.starting_alike) if path.has_guide]


def related_paths(pathway: Pathway, per_list: int = 4) -> RelatedPaths:
    """Up to ``per_list`` published paths into ``pathway``'s role and as many from its
    starting role, itself left out, written guides first, then by title: one query.

    Into the role means on its hub, as the hub page has it: leading to the role
    or listed by its hub. A row number over each of the two lists keeps a
    popular role's hundreds of paths in the database.
    """
    listed = HubEntry.objects.filter(hub__role_id=pathway.to_role_id).values("pathway_id")
    into_role = Q(to_role_id=pathway.to_role_id) | Q(pk__in=listed)
    side = Case(When(into_role, then=Value(0)), default=Value(1))
    # A UNION of the id lists, each read through its index, not "to_role = x OR
    # from_role = y OR …": with the OR, SQLite walks every published pathway
    # (10.4 ms against 2.7 ms a guide page at 10,000 pathways, in-process).
    candidates = (
        Pathway.objects.filter(to_role_id=pathway.to_role_id)
        .values("pk")
        .union(listed, Pathway.objects.filter(from_role_id=pathway.from_role_id).values("pk"))
    )
    rows = (
        Pathway.objects.published()
        .filter(pk__in=candidates)
        .exclude(pk=pathway.pk)
        .annotate(
            side=side,
            place=Window(
                RowNumber(), partition_by=side, order_by=[F("has_guide").desc(), "title", "pk"]
            ),
        )
        .filter(place__lte=per_list)
        .only("slug", "title", "has_guide")
        .order_by("side", "place")
    )
    related = RelatedPaths([], [])
    for path in rows:
        (related.starting_alike if path.side else related.into).append(path)
    return related


def published_roadmap(slug: str) -> Pathway | None:
    """A published pathway with its roadmap phases (its calendar file), in two queries."""
    return Pathway.objects.published().prefetch_related("phases").filter(slug=slug).first()


def compared(slugs: list[str]) -> dict[str, Pathway]:
    """The published pathways at these addresses, by address, with their roles, transferable
    skills, skills to learn and roadmap phases (the compare page): four queries at most."""
    pathways = (
        Pathway.objects.published()
        .filter(slug__in=slugs)
        .select_related("from_role", "to_role")
        .prefetch_related("transferable_skills", "skills", "phases")
    )
    return {pathway.slug: pathway for pathway in pathways}


# The open-data API (pathways.api).


def _into_role(role_id) -> Q:
    """Paths into a role as its hub has them: leading to it, or listed by its hub."""
    listed = HubEntry.objects.filter(hub__role_id=role_id, pathway=OuterRef("pk"))
    return Q(to_role_id=role_id) | Q(Exists(listed))


def pathway_summaries() -> QuerySet:
    """Published pathways with their roles and the weeks of their whole roadmap
    (``roadmap_weeks``, None without one), in the order they were added: one query."""
    weeks = (
        RoadmapPhase.objects.filter(pathway=OuterRef("pk"))
        .values("pathway")
        .annotate(total=Sum("weeks"))
        .values("total")
    )
    return (
        Pathway.objects.published()
        .select_related("from_role", "to_role")
        .annotate(roadmap_weeks=Subquery(weeks))
        .order_by("pk")
    )


def public_role(slug: str) -> Role | None:
    """A role with its hub row, if a published pathway leads into it, starts from it or is
    listed on its hub (``has_hub_page``: one of the first or last); else None. One query."""
    published = Pathway.objects.published()
    into = Exists(published.filter(to_role=OuterRef("pk"))) | Exists(
        HubEntry.objects.filter(hub__role=OuterRef("pk"), pathway__status=PUBLISHED)
    )
    role = (
        Role.objects.select_related("hub")
        .annotate(has_hub_page=into, starts=Exists(published.filter(from_role=OuterRef("pk"))))
        .filter(slug=slug)
        .first()
    )
    return role if role is not None and (role.has_hub_page or role.starts) else None


def role_paths(role: Role) -> tuple[list[Pathway], list[Pathway]]:
    """The published paths into ``role`` (as its hub has them) and from it, each list in
    the order the paths were added, as ``pathway_summaries`` has them: two queries."""
    summaries = pathway_summaries()
    return (
        list(summaries.filter(_into_role(role.pk))),
        list(summaries.filter(from_role=role)),
    )


# Choosing a starting role by name: the home page's search and a hub's filter.

STARTING_ROLE_MATCHES = 20


def _named(text: str) -> Q:
    # A name's address is its letters and digits in lower case, so "software engineer",
    # "Software-Engineer" and the address itself all find "Software Engineer".
    return Q(slug=role_slug(text)) | Q(name__iexact=text)


def starting_role_exactly(text: str) -> Role | None:
    """The starting role named ``text`` (any case) or at that address, if there is one."""
    return starting_roles().filter(_named(text)).only("slug", "name").first()


def starting_roles_matching(text: str, limit: int = STARTING_ROLE_MATCHES) -> list[Role]:
    """Up to ``limit`` starting roles whose name holds every word of ``text``, by name."""
    matches = starting_roles()
    for word in text.split():
        matches = matches.filter(name__icontains=word)
    return list(matches.only("slug", "name")[:limit])


def role_named(text: str) -> Role | None:
    """Any role at the address ``text`` or named it (any case): what a hub filter asked for."""
    return Role.objects.filter(_named(text)).only("slug", "name").first()


def paths_from_elsewhere(role: Role, leaving_out: Role, limit: int = 5) -> list[Pathway]:
    """Up to ``limit`` published paths from ``role`` into other roles than ``leaving_out``,
    written guides first, with their target roles: one query."""
    paths = Pathway.objects.published().filter(from_role=role).exclude(to_role=leaving_out)
    return list(
        paths.select_related("to_role")
        .only("slug", "title", "has_guide", "to_role__slug", "to_role__name")
        .order_by("-has_guide", "to_role__name", "pk")[:limit]
    )
