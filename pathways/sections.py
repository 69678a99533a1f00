"""The guide's sections that are more than a list of rows: the roadmap with its weeks,
the reality check and the action plan grouped by kind."""

from dataclasses import dataclass
from itertools import accumulate

from .models import ActionItem, Pathway, RealityCheckItem


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


def guide_sections(pathway: Pathway) -> dict:
    """What the guide template needs beyond the pathway and its prefetched parts."""
    return {
        "roadmap": roadmap(pathway),
        "reality_check": reality_check(pathway),
        "action_plan": action_plan(pathway),
    }
