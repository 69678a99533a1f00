"""Models back to records and to the JSON export (schema 1).

The same record builders serve the importer: a pathway's digest is taken over
the record built from the database, so an edit made in the admin shows up as a
digest that no longer matches the one stored at import.
"""

import hashlib
import json
from dataclasses import asdict, replace

from django.db.models import Prefetch

from .models import FAQ, ActionItem, Hub, HubEntry, Pathway, RealityCheckItem, Role
from .sourcetext import records as rec

SCHEMA = 1


def pathways_for_export():
    """Published and draft pathways with every part prefetched (a fixed number of queries)."""
    return Pathway.objects.select_related("from_role", "to_role").prefetch_related(
        "transferable_skills",
        "skills",
        "phases",
        Prefetch("reality_items", queryset=RealityCheckItem.objects.order_by("order", "pk")),
        Prefetch("action_items", queryset=ActionItem.objects.order_by("order", "pk")),
        Prefetch("faqs", queryset=FAQ.objects.order_by("order", "pk")),
    )


def hubs_for_export():
    return Hub.objects.select_related("role").prefetch_related(
        Prefetch(
            "entries",
            queryset=HubEntry.objects.select_related("pathway__from_role", "pathway__to_role"),
        )
    )


def _range(text, low, high):
    return rec.Range(text, low, high)


def _lines(items, **match):
    return tuple(
        item.text for item in items if all(getattr(item, k) == v for k, v in match.items())
    )


def guide_record(pathway: Pathway) -> rec.Guide:
    """The full-guide record of a pathway (parts must be prefetched)."""
    reality = list(pathway.reality_items.all())
    actions = list(pathway.action_items.all())
    return rec.Guide(
        from_role=pathway.from_role.name,
        to_role=pathway.to_role.name,
        title=pathway.title,
        guide_months=pathway.guide_months,
        views=pathway.views,
        difficulty=pathway.difficulty,
        timeline=_range(
            pathway.timeline_text, pathway.timeline_min_months, pathway.timeline_max_months
        ),
        salary_change=_range(
            pathway.salary_change_text, pathway.salary_min_percent, pathway.salary_max_percent
        ),
        demand=pathway.demand,
        overview=pathway.overview,
        transferable_skills=tuple(
            rec.TransferableSkill(s.name, s.description) for s in pathway.transferable_skills.all()
        ),
        skills_to_learn=tuple(
            rec.SkillToLearn(s.name, s.priority, s.weeks, s.description)
            for s in pathway.skills.all()
        ),
        roadmap=tuple(
            rec.Phase(p.order, p.title, p.weeks, tuple(p.task_list), tuple(p.resource_list))
            for p in pathway.phases.all()
        ),
        love=_lines(reality, kind=RealityCheckItem.Kind.LOVE),
        miss=_lines(reality, kind=RealityCheckItem.Kind.MISS),
        challenges=_lines(reality, kind=RealityCheckItem.Kind.CHALLENGE),
        this_week=_lines(actions, when=ActionItem.When.THIS_WEEK),
        this_month=_lines(actions, when=ActionItem.When.THIS_MONTH),
        next_90_days=_lines(actions, when=ActionItem.When.NEXT_90_DAYS),
        faqs=tuple(rec.FAQ(f.question, f.answer, f.question_inferred) for f in pathway.faqs.all()),
    )


def hub_pathway_record(pathway: Pathway) -> rec.HubPathway:
    """A pathway as a hub lists it; the summary is its overview on one line."""
    summary = " ".join(part.strip() for part in pathway.overview.split("\n\n") if part.strip())
    return rec.HubPathway(
        from_role=pathway.from_role.name,
        to_role=pathway.to_role.name,
        title=pathway.title,
        guide_months=pathway.guide_months,
        summary=summary,
    )


def hub_record(hub: Hub) -> rec.Hub:
    return rec.Hub(
        role=hub.role.name,
        intro=hub.description,
        role_description=hub.role.description,
        pathways=tuple(hub_pathway_record(entry.pathway) for entry in hub.entries.all()),
    )


def digest(record) -> str:
    """A stable fingerprint of a record's content; view counts do not count as content."""
    if isinstance(record, rec.Guide):
        record = replace(record, views=None)
    payload = json.dumps(asdict(record), sort_keys=True, ensure_ascii=False)
    return hashlib.sha256(payload.encode()).hexdigest()


def _null(value):
    return value if value not in ("", None) else None


def _range_json(r: rec.Range, unit: str):
    if not r.text:
        return None
    return {"text": r.text, f"min_{unit}": r.min, f"max_{unit}": r.max}


def pathway_json(pathway: Pathway) -> dict:
    guide = guide_record(pathway)
    return {
        "slug": pathway.slug,
        "from_role": pathway.from_role.slug,
        "to_role": pathway.to_role.slug,
        "title": pathway.title,
        "guide_months": pathway.guide_months,
        "status": pathway.status,
        "views": pathway.views,
        "difficulty": _null(guide.difficulty),
        "timeline": _range_json(guide.timeline, "months"),
        "salary_change": _range_json(guide.salary_change, "percent"),
        "demand": _null(guide.demand),
        "overview": _null(guide.overview),
        "transferable_skills": [asdict(s) for s in guide.transferable_skills],
        "skills_to_learn": [asdict(s) for s in guide.skills_to_learn],
        "roadmap": [
            {**asdict(p), "tasks": list(p.tasks), "resources": list(p.resources)}
            for p in guide.roadmap
        ],
        "reality_check": {
            "love": list(guide.love),
            "miss": list(guide.miss),
            "challenges": list(guide.challenges),
        },
        "action_plan": {
            "this_week": list(guide.this_week),
            "this_month": list(guide.this_month),
            "next_90_days": list(guide.next_90_days),
        },
        "faqs": [asdict(f) for f in guide.faqs],
    }


def export_json() -> dict:
    """Everything the site holds, as the schema-1 export document."""
    roles = Role.objects.select_related("parent").order_by("slug")
    return {
        "schema": SCHEMA,
        "roles": [
            {
                "slug": role.slug,
                "name": role.name,
                "description": _null(role.description),
                "parent": role.parent.slug if role.parent else None,
            }
            for role in roles
        ],
        "hubs": [
            {
                "role": hub.role.slug,
                "description": _null(hub.description),
                "pathways": [entry.pathway.slug for entry in hub.entries.all()],
            }
            for hub in hubs_for_export().order_by("role__slug")
        ],
        "pathways": [pathway_json(p) for p in pathways_for_export().order_by("slug")],
    }
