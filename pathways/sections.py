"""The guide's sections that are more than a list of rows: the roadmap with its weeks,
the reality check and the action plan grouped by kind."""

import hashlib
import unicodedata
from dataclasses import dataclass
from itertools import accumulate

from . import charts
from .models import ActionItem, Pathway, RealityCheckItem, Skill
from .pace import Pace, baseline


@dataclass(frozen=True)
class ChecklistItem:
    """A roadmap task or action a reader can tick, with the key the browser keeps the tick under."""

    text: str
    key: str


class ChecklistKeys:
    """Keys for one guide's checklist items: the first eight hex digits of SHA-256 of the words.

    The words are normalised (NFKC, case folded, runs of whitespace as one
    space), so a moved item keeps its tick and a reworded one loses it. The
    same words twice in a guide, or two keys alike, give the later item the
    digest of its words and its occurrence number: each item has a key of its own.
    """

    def __init__(self):
        self.taken = set()

    def item(self, text: str) -> ChecklistItem:
        words = " ".join(unicodedata.normalize("NFKC", text).casefold().split())
        key, occurrence = _checklist_digest(words), 1
        while key in self.taken:
            occurrence += 1
            key = _checklist_digest(f"{words}\n{occurrence}")
        self.taken.add(key)
        return ChecklistItem(text, key)


def _checklist_digest(words: str) -> str:
    return hashlib.sha256(words.encode()).hexdigest()[:8]


@dataclass(frozen=True)
class PhaseWeeks:
    """A roadmap phase with the weeks it covers, counted from the start of the roadmap."""

    phase: object
    number: int
    first_week: int
    last_week: int
    tasks: tuple[ChecklistItem, ...] = ()

    @property
    def weeks(self) -> int:
        return self.last_week - self.first_week + 1


def roadmap(
    pathway: Pathway, pace: Pace | None = None, keys: ChecklistKeys | None = None
) -> list[PhaseWeeks]:
    """The prefetched phases in order, each with its cumulative week range at ``pace``.

    Each boundary is the running total of the baseline weeks, rescaled and
    rounded up, so the ranges stay contiguous and end at the rescaled total;
    a phase keeps at least one week of its own.
    """
    pace, keys = pace or baseline(), keys or ChecklistKeys()
    phases = list(pathway.phases.all())
    steps, last_week = [], 0
    ends = accumulate(phase.weeks for phase in phases)
    for number, (phase, end) in enumerate(zip(phases, ends, strict=True), start=1):
        first_week = last_week + 1
        last_week = max(first_week, pace.scaled(end))
        tasks = tuple(map(keys.item, phase.task_list))
        steps.append(PhaseWeeks(phase, number, first_week, last_week, tasks))
    return steps


def grouped(items, attribute: str, choices) -> list[tuple[str, list]]:
    """Prefetched items grouped by a choice field, in the choices' order, empty groups left out."""
    groups = {value: [] for value, _label in choices}
    for item in items:
        groups.setdefault(getattr(item, attribute), []).append(item)
    labels = dict(choices)
    return [(labels.get(value, value), members) for value, members in groups.items() if members]


def reality_check(pathway: Pathway) -> list[tuple[str, list]]:
    return grouped(pathway.reality_items.all(), "kind", RealityCheckItem.Kind.choices)


def action_plan(pathway: Pathway, keys: ChecklistKeys | None = None) -> list[tuple[str, list]]:
    """The action items as checklist items, grouped by when to do them."""
    keys = keys or ChecklistKeys()
    groups = grouped(pathway.action_items.all(), "when", ActionItem.When.choices)
    return [(label, [keys.item(item.text) for item in items]) for label, items in groups]


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


def guide_sections(pathway: Pathway, pace: Pace | None = None) -> dict:
    """What the guide template needs beyond the pathway and its prefetched parts.

    Weeks are given at ``pace`` (the baseline by default, as stored).
    """
    pace, keys = pace or baseline(), ChecklistKeys()
    parts = {
        "pace": pace,
        "skills": skills_by_priority(pathway),
        "roadmap": roadmap(pathway, pace, keys),
        "reality_check": reality_check(pathway),
        "action_plan": action_plan(pathway, keys),
    }
    steps = parts["roadmap"]
    return {
        **parts,
        "roadmap_weeks": steps[-1].last_week if steps else 0,
        "roadmap_chart": charts.roadmap_chart(steps),
        "skills_chart": charts.skills_chart(parts["skills"], pace),
        "contents": contents(pathway, parts),
    }
