"""The guide's sections that are more than a list of rows: the roadmap with its weeks,
the reality check and the action plan grouped by kind."""

from dataclasses import dataclass
from itertools import accumulate

from . import charts
from .models import ActionItem, Pathway, RealityCheckItem, Skill


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


PRIORITY_ORDER = {value: rank for rank, value in enumerate(Skill.Priority.values)}


def skills_by_priority(pathway: Pathway) -> list:
    """The prefetched skills to learn, critical first, each priority in the editors' order."""
    return sorted(
        pathway.skills.all(),
        key=lambda skill: PRIORITY_ORDER.get(skill.priority, len(PRIORITY_ORDER)),
    )


@dataclass(frozen=True)
class ContentsEntry:
    """A line of the guide's contents: the id of what it links to, its label, its sub-entries."""

    id: str
    label: str
    entries: tuple = ()


def contents(pathway: Pathway, parts: dict) -> list[ContentsEntry]:
    """The guide's sections that it has, in page order, with the ids the template gives them."""
    present = [
        ("overview", "Overview", bool(pathway.overview)),
        (
            "transferable-skills",
            "Your transferable skills",
            bool(pathway.transferable_skills.all()),
        ),
        ("skills-to-learn", "Skills you'll need to learn", bool(parts["skills"])),
        ("roadmap", "Your learning roadmap", bool(parts["roadmap"])),
        ("reality-check", "Reality check", bool(parts["reality_check"])),
        ("action-plan", "Your action plan", bool(parts["action_plan"])),
        ("faq", "Frequently asked questions", bool(pathway.faqs.all())),
    ]
    phases = tuple(
        ContentsEntry(f"phase-{step.number}", f"Phase {step.number}: {step.phase.title}")
        for step in parts["roadmap"]
    )
    return [
        ContentsEntry(id, label, phases if id == "roadmap" else ())
        for id, label, shown in present
        if shown
    ]


def guide_sections(pathway: Pathway) -> dict:
    """What the guide template needs beyond the pathway and its prefetched parts."""
    parts = {
        "skills": skills_by_priority(pathway),
        "roadmap": roadmap(pathway),
        "reality_check": reality_check(pathway),
        "action_plan": action_plan(pathway),
    }
    steps = parts["roadmap"]
    return {
        **parts,
        "roadmap_weeks": steps[-1].last_week if steps else 0,
        "roadmap_chart": charts.roadmap_chart(steps),
        "skills_chart": charts.skills_chart(parts["skills"]),
        "contents": contents(pathway, parts),
    }
