"""Write a Guide or a Hub back out as a source page.

The output uses the layout the parser reads, so ``parse_text(render(r))``
gives ``r`` back for every valid record. Two choices keep that exact:
resources are written one per line as bullets (never run together), and an
inferred FAQ question is left out (the parser infers the same one again).
"""

from . import layout as L
from .records import PRIORITY_LABELS, Guide, Hub, Phase


def render(record: Guide | Hub) -> str:
    """The source page for ``record``, without a trailing newline, like the originals.

    Titles are written from the role names and months, so a record's ``title``
    field is not consulted.
    """
    if isinstance(record, Guide):
        return render_guide(record)
    if isinstance(record, Hub):
        return render_hub(record)
    raise TypeError(f"cannot render {type(record).__name__}")


def render_guide(guide: Guide) -> str:
    """A guide page; blocks are separated by one blank line."""
    blocks: list[list[str]] = [
        [L.views_line(guide.views), guide.from_role, guide.to_role],
        [L.guide_title(guide.from_role, guide.to_role, guide.guide_months)],
        [
            "Difficulty",
            guide.difficulty,
            "Timeline",
            guide.timeline.text,
            "Salary Change",
            guide.salary_change.text,
            "Demand",
            guide.demand,
        ],
    ]
    _section(blocks, L.OVERVIEW)
    if guide.overview:
        blocks.append([guide.overview])

    _section(blocks, L.TRANSFERABLE)
    for skill in guide.transferable_skills:
        blocks += [[skill.name], [skill.description]]

    _section(blocks, L.TO_LEARN)
    for skill in guide.skills_to_learn:
        label = PRIORITY_LABELS[skill.priority] + L.weeks_text(skill.weeks)
        blocks += [[skill.name], [label], [skill.description]]

    _section(blocks, L.ROADMAP)
    for index, phase in enumerate(guide.roadmap):
        if index:
            blocks[-1].append(str(phase.order))  # the number follows the resources directly
        else:
            blocks.append([str(phase.order)])
        blocks += [[phase.title], _phase_body(phase)]

    _lists(
        blocks,
        L.REALITY,
        zip(L.REALITY_LISTS, (guide.love, guide.miss, guide.challenges), strict=True),
    )
    _lists(
        blocks,
        L.START,
        zip(L.ACTION_LISTS, (guide.this_week, guide.this_month, guide.next_90_days), strict=True),
    )

    _section(blocks, L.FAQS)
    for faq in guide.faqs:
        if not faq.question_inferred:
            blocks.append([faq.question])
        blocks.append([faq.answer])
    blocks += [[L.GUIDE_CLOSING], [L.GUIDE_CLOSING_TEXT]]
    return "\n\n".join("\n".join(block) for block in blocks)


def render_hub(hub: Hub) -> str:
    """A hub page: one line per value, no blank lines, as the site writes them."""
    lines = [
        L.hub_title(hub.role),
        hub.intro,
        f"Target Career: {hub.role}",
        hub.role_description,
        L.paths_heading(len(hub.pathways)),
    ]
    for pathway in hub.pathways:
        lines += [L.guide_title(pathway.from_role, pathway.to_role, pathway.guide_months)]
        lines += [pathway.summary]
    lines += [L.HUB_CLOSING, L.hub_closing_text(hub.role)]
    return "\n".join(lines)


def _section(blocks: list[list[str]], heading: str) -> None:
    blocks.append([heading])
    if heading in L.INTROS:
        blocks.append([L.INTROS[heading]])


def _phase_body(phase: Phase) -> list[str]:
    body = [L.weeks_text(phase.weeks), L.TASKS, *(L.BULLET + task for task in phase.tasks)]
    if phase.resources:
        body += [L.RESOURCES, *(L.BULLET + resource for resource in phase.resources)]
    return body


def _lists(blocks: list[list[str]], section: str, lists) -> None:
    _section(blocks, section)
    for heading, items in lists:
        blocks.append([heading])
        if items:
            blocks.append([L.BULLET + item for item in items])
