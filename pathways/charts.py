"""The guide's two pictures, drawn on the server as SVG geometry: the roadmap's
phases across its weeks, and the skills to learn by weeks.

Plain numbers for ``includes/roadmap_chart.html`` and ``includes/skills_chart.html``:
coordinates are in the SVG's own units (``WIDTH`` wide), so the picture scales
with the page and needs no style attribute (the CSP allows none); colours come
from classes in site.css, which follow the light, dark and print schemes.
"""

from dataclasses import dataclass

WIDTH = 400  # the drawing's width in its own units; the page scales it
ROW = 40  # one labelled bar: a line of text above a bar
LABEL_BASELINE = 14  # from the top of a row
BAR_TOP = 20
BAR_HEIGHT = 14
AXIS = 34  # the week axis below the roadmap's bars
# An average character of the chart's 13-unit text, to shorten labels that would not fit.
CHARACTER_WIDTH = 7
TICK_STEPS = (1, 2, 4, 5, 10, 13, 26, 52, 104, 260)
MAX_TICKS = 6


def _number(value: float) -> str:
    """A coordinate as SVG text: at most two decimals, no trailing zeros ("12.5", "200")."""
    return f"{value:.2f}".rstrip("0").rstrip(".")


def _shortened(text: str, room: float) -> str:
    """``text`` cut with an ellipsis to what fits in ``room`` units."""
    fits = max(int(room // CHARACTER_WIDTH), 4)
    return text if len(text) <= fits else text[: fits - 1].rstrip() + "\u2026"


@dataclass(frozen=True)
class Bar:
    """One labelled bar."""

    x: str
    y: str
    width: str
    label: str
    label_x: str
    label_y: str
    kind: str  # a class suffix: the phase, or the skill's priority


def _bar(row: int, start: float, span: float, label: str, kind: str) -> Bar:
    """A bar with its label above it, from the bar's start, moved left as far as it must to fit."""
    top = row * ROW
    label = _shortened(label, WIDTH)
    label_x = max(0, min(start, WIDTH - len(label) * CHARACTER_WIDTH))
    return Bar(
        x=_number(start),
        y=_number(top + BAR_TOP),
        width=_number(span),
        label=label,
        label_x=_number(label_x),
        label_y=_number(top + LABEL_BASELINE),
        kind=kind,
    )


@dataclass(frozen=True)
class Tick:
    x: str
    label: str
    anchor: str


def _week_ticks(total_weeks: int, top: int) -> list[Tick]:
    """Week boundaries to label: 0, the end, and round steps between that keep clear of it."""
    step = next((s for s in TICK_STEPS if total_weeks / s <= MAX_TICKS), TICK_STEPS[-1])
    end = f"{total_weeks} weeks"
    scale = WIDTH / total_weeks

    def clear_of_the_end(week: int) -> bool:
        # The end's label runs left from the edge; a centred label needs half its width.
        room = (len(end) + len(str(week)) / 2 + 1) * CHARACTER_WIDTH
        return (total_weeks - week) * scale >= room

    inner = [w for w in range(step, total_weeks, step) if clear_of_the_end(w)]
    ticks = [Tick("0", "0", "start")]
    ticks += [Tick(_number(w * scale), str(w), "middle") for w in inner]
    ticks.append(Tick(_number(WIDTH), end, "end"))
    return ticks


@dataclass(frozen=True)
class Chart:
    width: int
    height: int
    bars: list[Bar]
    bar_height: int = BAR_HEIGHT
    axis_y: str = ""
    tick_label_y: str = ""
    ticks: tuple = ()


def roadmap_chart(roadmap) -> Chart | None:
    """A bar per phase from its first to its last week, over a week axis.

    ``roadmap`` is ``sections.roadmap(pathway)``; None when it has no phase.
    """
    if not roadmap:
        return None
    total = roadmap[-1].last_week
    scale = WIDTH / total
    bars = [
        _bar(
            row,
            (step.first_week - 1) * scale,
            (step.last_week - step.first_week + 1) * scale,
            f"Phase {step.number}: {step.phase.title}",
            "odd" if step.number % 2 else "even",
        )
        for row, step in enumerate(roadmap)
    ]
    axis = len(bars) * ROW + 6
    return Chart(
        width=WIDTH,
        height=axis + AXIS,
        bars=bars,
        axis_y=_number(axis),
        tick_label_y=_number(axis + 18),
        ticks=tuple(_week_ticks(total, axis)),
    )


def skills_chart(skills, pace) -> Chart | None:
    """A bar per skill to learn, as long as its weeks at ``pace``, in the order given.

    None without skills.
    """
    if not skills:
        return None
    weeks = [pace.weeks(skill.weeks) for skill in skills]
    scale = WIDTH / max(weeks)
    bars = [
        _bar(
            row,
            0,
            span * scale,
            f"{skill.name}: {span} week{'' if span == 1 else 's'}",
            skill.priority,
        )
        for row, (skill, span) in enumerate(zip(skills, weeks, strict=True))
    ]
    return Chart(width=WIDTH, height=len(bars) * ROW, bars=bars)
