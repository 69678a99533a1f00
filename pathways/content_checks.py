"""Content checks: where the guides do not add up, for an editor to fix.

Not Django's system checks: these read the content. Each rule is a small
function on plain values; ``run_all`` reads every pathway with its parts in a
fixed number of queries, applies the rules, and groups what they find by
check, each finding naming where in the pathway's change form to fix it.

Months become weeks at 52/12 weeks a month, rounded to the nearest week, so
"6-9 months" is 26 to 39 weeks (never halfway: months * 13 / 3 is a whole
number or a third off one).
"""

import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from datetime import date
from itertools import pairwise

from django.db.models import Prefetch
from django.utils.dateformat import format

from .models import FAQ, HubEntry, KnownName, Pathway, RoadmapPhase, Skill
from .sourcetext import KnownNames, split_resources

# Listed in this order on a guide: critical first, nice to have last.
PRIORITY_RANK = {priority: rank for rank, priority in enumerate(Skill.Priority.values)}
# A closing bracket straight before a cased letter or a digit: "(O'Reilly)scikit-learn".
_GLUED_AFTER_BRACKET = re.compile(r"[)\]](?=\w)")


def months_in_weeks(months: int) -> int:
    """Weeks in ``months`` at 52/12 weeks a month, rounded: 6 → 26, 9 → 39."""
    return round(months * 52 / 12)


def roadmap_outside_timeline(
    total_weeks: int, min_months: int | None, max_months: int | None
) -> bool:
    """Whether a roadmap's total weeks fall outside the timeline's range.

    A guide without a roadmap or without a stated timeline has nothing to compare;
    a timeline with one bound ("6+ months") is checked against that bound only.
    """
    if total_weeks <= 0:
        return False
    if min_months is not None and total_weeks < months_in_weeks(min_months):
        return True
    return max_months is not None and total_weeks > months_in_weeks(max_months)


def title_months_outside_timeline(
    guide_months: int | None, min_months: int | None, max_months: int | None
) -> bool:
    """Whether the title's month count ("Your 6-Month …") is outside the timeline."""
    if guide_months is None:
        return False
    if min_months is not None and guide_months < min_months:
        return True
    return max_months is not None and guide_months > max_months


def skills_out_of_priority_order(priorities: Sequence[str]) -> bool:
    """Whether skills (in their listed order) are not critical → important → nice to have."""
    ranks = [PRIORITY_RANK.get(priority, len(PRIORITY_RANK)) for priority in priorities]
    return any(before > after for before, after in pairwise(ranks))


def looks_run_together(resource: str, known: KnownNames) -> bool:
    """Whether one stored resource still reads as two glued together.

    Either a closing bracket runs straight into the next word ("(O'Reilly)scikit-learn",
    which the importer never splits, since a name may start in lower case), or the
    importer's own rules would split it: a lower-case letter straight before an
    upper-case word start that is not inside a known name ("PyTorch", "GitHub").
    """
    for match in _GLUED_AFTER_BRACKET.finditer(resource):
        following = resource[match.end()]
        # Scripts without case (Chinese, Japanese…) write words without spaces.
        if following.isdigit() or following.islower() or following.isupper():
            return True
    return len(split_resources(resource, known)) > 1


def one_year_before(today: date) -> date:
    """The same day a year earlier (29 February → 28 February)."""
    try:
        return today.replace(year=today.year - 1)
    except ValueError:
        return today.replace(year=today.year - 1, day=28)


def review_due(last_reviewed: date | None, today: date) -> bool:
    """Whether a guide was never reviewed, or last reviewed a year or more ago."""
    return last_reviewed is None or last_reviewed <= one_year_before(today)


@dataclass(frozen=True)
class Finding:
    """One thing to fix: in which pathway, what is wrong, and where in its change form."""

    pathway_id: int
    pathway: str
    detail: str
    anchor: str


@dataclass
class Check:
    key: str
    title: str
    explanation: str
    findings: list[Finding] = field(default_factory=list)


def _checks() -> dict[str, Check]:
    checks = [
        Check(
            "roadmap-timeline",
            "Roadmaps outside their timeline",
            "The roadmap's total weeks fall outside the stated timeline "
            "(52/12 weeks a month, rounded: 6-9 months is 26 to 39 weeks).",
        ),
        Check(
            "title-timeline",
            "Titles outside their timeline",
            "The month count in the title is outside the stated timeline.",
        ),
        Check(
            "skill-order",
            "Skills to learn out of order",
            "Skills to learn should be listed critical, then important, then nice to have.",
        ),
        Check("faq-review", "FAQ questions to review", "Questions written by the importer."),
        Check(
            "unwritten-guides",
            "Hub paths with no written guide",
            "Pathways a hub lists that have no full guide yet.",
        ),
        Check(
            "run-together",
            "Resources that look run together",
            "A resource line that still reads as two resources glued together.",
        ),
        Check(
            "review-due",
            "Guides not reviewed in a year",
            "Guides never reviewed, or last reviewed a year or more ago.",
        ),
    ]
    return {check.key: check for check in checks}


def pathways_to_check():
    """Every pathway with the parts the checks read, in a fixed number of queries."""
    return Pathway.objects.prefetch_related(
        "transferable_skills",
        Prefetch("skills", queryset=Skill.objects.order_by("order", "pk")),
        Prefetch("phases", queryset=RoadmapPhase.objects.order_by("order", "pk")),
        Prefetch("faqs", queryset=FAQ.objects.order_by("order", "pk")),
    )


def _guide_text(pathway: Pathway) -> str:
    """The guide's words outside its resources, where names are written on their own."""
    parts = [pathway.title, pathway.overview, pathway.demand]
    for skill in [*pathway.transferable_skills.all(), *pathway.skills.all()]:
        parts += [skill.name, skill.description]
    for phase in pathway.phases.all():
        parts += [phase.title, phase.tasks]
    for faq in pathway.faqs.all():
        parts += [faq.question, faq.answer]
    return "\n".join(parts)


def _described_range(low: int | None, high: int | None, unit: str) -> str:
    if low is None:
        return f"at most {high} {unit}"
    if high is None:
        return f"at least {low} {unit}"
    return f"{low} {unit}" if low == high else f"{low} to {high} {unit}"


def _timeline_described(pathway: Pathway) -> str:
    """The timeline as months and weeks: “6-9 months” (26 to 39 weeks)."""
    low, high = pathway.timeline_min_months, pathway.timeline_max_months
    months = pathway.timeline_text or _described_range(low, high, "months")
    weeks = _described_range(
        None if low is None else months_in_weeks(low),
        None if high is None else months_in_weeks(high),
        "weeks",
    )
    return f"“{months}” ({weeks})"


def _check_pathway(
    pathway: Pathway, checks: dict[str, Check], known_names: Iterable[str], today: date
):
    def found(key: str, detail: str, anchor: str):
        checks[key].findings.append(Finding(pathway.pk, pathway.title, detail, anchor))

    low, high = pathway.timeline_min_months, pathway.timeline_max_months
    phases = list(pathway.phases.all())
    total_weeks = sum(phase.weeks for phase in phases)
    if roadmap_outside_timeline(total_weeks, low, high):
        found(
            "roadmap-timeline",
            f"The roadmap totals {total_weeks} weeks; "
            f"the timeline is {_timeline_described(pathway)}.",
            "phases-group",
        )
    if title_months_outside_timeline(pathway.guide_months, low, high):
        found(
            "title-timeline",
            f"The title says {pathway.guide_months} months; "
            f"the timeline is {_timeline_described(pathway)}.",
            "id_guide_months",
        )
    skills = list(pathway.skills.all())
    if skills_out_of_priority_order([skill.priority for skill in skills]):
        listed = ", ".join(skill.get_priority_display().lower() for skill in skills)
        found("skill-order", f"Listed as: {listed}.", "skills-group")
    for position, faq in enumerate(pathway.faqs.all()):
        if faq.question_inferred:
            found("faq-review", f"“{faq.question}”", f"faqs-{position}")

    known = KnownNames(known_names, lambda: _guide_text(pathway))
    for position, phase in enumerate(phases):
        for resource in phase.resource_list:
            if looks_run_together(resource, known):
                found("run-together", f"{phase.title}: “{resource}”", f"phases-{position}")

    if pathway.has_guide and review_due(pathway.last_reviewed, today):
        when = pathway.last_reviewed
        detail = "Never reviewed." if when is None else f"Last reviewed {format(when, 'j F Y')}."
        found("review-due", detail, "id_last_reviewed")


def run_all(today: date) -> list[Check]:
    """Every check, in a fixed order, with what it finds in every pathway (7 queries)."""
    checks = _checks()
    known_names = list(KnownName.objects.values_list("name", flat=True))
    for pathway in pathways_to_check():
        _check_pathway(pathway, checks, known_names, today)
    unwritten = HubEntry.objects.filter(pathway__has_guide=False).select_related(
        "pathway", "hub__role"
    )
    for entry in unwritten.order_by("pathway__slug", "hub__role__name"):
        checks["unwritten-guides"].findings.append(
            Finding(
                entry.pathway_id,
                entry.pathway.title,
                f"Listed on “{entry.hub}” with no written guide.",
                "id_has_guide",
            )
        )
    return list(checks.values())
