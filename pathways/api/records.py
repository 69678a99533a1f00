"""What the API says about a pathway and a role: plain dicts, ready for JSON."""

from django.urls import reverse

from ..exporting import _null, _range_json, pathway_json
from ..sourcetext import records as rec

# In the schema-1 export but not for the public: the editorial status, whether an
# FAQ's question was written by the importer, and view counts, which change by the
# second while an answer is cached until the content changes (and are no content:
# the import digest leaves them out too).
PRIVATE_FIELDS = ("status", "views")
PRIVATE_FAQ_FIELDS = ("question_inferred",)


def _role(role) -> dict:
    return {"name": role.name, "slug": role.slug}


def pathway_summary(pathway, absolute) -> dict:
    """A pathway as the list has it; ``pathway`` comes from ``queries.pathway_summaries``.

    ``absolute`` turns a path into an absolute URL.
    """
    return {
        "slug": pathway.slug,
        "title": pathway.title,
        "roles": {"from": _role(pathway.from_role), "to": _role(pathway.to_role)},
        "stats": {
            "difficulty": _null(pathway.difficulty),
            "timeline": _range_json(
                rec.Range(
                    pathway.timeline_text, pathway.timeline_min_months, pathway.timeline_max_months
                ),
                "months",
            ),
            "salary_change": _range_json(
                rec.Range(
                    pathway.salary_change_text,
                    pathway.salary_min_percent,
                    pathway.salary_max_percent,
                ),
                "percent",
            ),
            "demand": _null(pathway.demand),
            "roadmap_weeks": pathway.roadmap_weeks,
        },
        "url": absolute(pathway.get_absolute_url()),
        "api_url": absolute(reverse("pathways:api_pathway", args=[pathway.slug])),
    }


def public_pathway(pathway) -> dict:
    """The pathway's schema-1 export record without its private fields (parts prefetched)."""
    record = pathway_json(pathway)
    for field in PRIVATE_FIELDS:
        del record[field]
    for faq in record["faqs"]:
        for field in PRIVATE_FAQ_FIELDS:
            del faq[field]
    return record


def public_role(role, paths_into, paths_from, absolute) -> dict:
    """A role (from ``queries.public_role``), its hub page and the paths into and from it."""
    hub = getattr(role, "hub", None)
    return {
        "slug": role.slug,
        "name": role.name,
        "description": _null(role.description),
        "hub": (
            {
                "url": absolute(role.get_absolute_url()),
                "description": _null(hub.description if hub else ""),
            }
            if role.has_hub_page
            else None
        ),
        "paths_from_url": (
            absolute(reverse("pathways:from_role", args=[role.slug])) if role.starts else None
        ),
        "paths_into": [pathway_summary(p, absolute) for p in paths_into],
        "paths_from": [pathway_summary(p, absolute) for p in paths_from],
    }
