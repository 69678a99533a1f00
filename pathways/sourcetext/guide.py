"""The grammar of a transition guide page.

Layout, top to bottom: the "Career Pathway" line with an optional view count,
two breadcrumb lines (from role, to role), the title, the Difficulty /
Timeline / Salary Change / Demand label-value pairs, then the sections in
``layout.SECTIONS`` order and an optional closing call to action. Blank lines
only separate paragraphs (they matter inside the Markdown overview alone).
"""

from collections.abc import Iterable

from . import layout as L
from .cursor import Cursor, quote
from .faq import infer_question
from .records import (
    FAQ,
    PRIORITY_LABELS,
    Guide,
    Phase,
    SkillToLearn,
    TransferableSkill,
)
from .resources import KnownNames, split_resources
from .values import parse_salary, parse_timeline, role_name_problem, split_roles

_PRIORITIES = {label.casefold(): key for key, label in PRIORITY_LABELS.items()}
_SUBHEADINGS = frozenset((*L.REALITY_LISTS, *L.ACTION_LISTS))
_PRIORITY_EXAMPLE = "e.g. 'Critical6 weeks' (Critical, Important or Nice to have)"


def parse_guide(cursor: Cursor, known_names: Iterable[str] = ()) -> Guide:
    """Read a whole guide page; ``known_names`` help split run-together resources."""
    views = _views(cursor)
    from_role, to_role, months = _title(cursor)
    stats = _stats(cursor)
    overview = _overview(cursor)
    transferable = _transferable_skills(cursor)
    to_learn = _skills_to_learn(cursor)
    phases, joined_resources = _roadmap(cursor)
    love, miss, challenges = _lists(cursor, L.REALITY, L.REALITY_LISTS, after=L.ROADMAP)
    this_week, this_month, next_90 = _lists(cursor, L.START, L.ACTION_LISTS, after=L.REALITY)
    faqs = _faqs(cursor, from_role, to_role)
    _closing(cursor)

    known = KnownNames(known_names, lambda: _text_without(cursor.lines, joined_resources))
    roadmap = tuple(
        Phase(
            order,
            title,
            weeks,
            tasks,
            split_resources(cursor.lines[resources], known)
            if isinstance(resources, int)
            else resources,
        )
        for order, title, weeks, tasks, resources in phases
    )
    return Guide(
        from_role=from_role,
        to_role=to_role,
        title=L.guide_title(from_role, to_role, months),
        guide_months=months,
        views=views,
        difficulty=stats["Difficulty"],
        timeline=parse_timeline(stats["Timeline"]),
        salary_change=parse_salary(stats["Salary Change"]),
        demand=stats["Demand"],
        overview=overview,
        transferable_skills=transferable,
        skills_to_learn=to_learn,
        roadmap=roadmap,
        love=love,
        miss=miss,
        challenges=challenges,
        this_week=this_week,
        this_month=this_month,
        next_90_days=next_90,
        faqs=faqs,
    )


def _text_without(lines: list[str], skipped: set[int]) -> str:
    """The page minus its run-together resource lines (they must not vouch for themselves)."""
    return "\n".join(line for index, line in enumerate(lines) if index not in skipped)


def _next(cursor: Cursor, missing: str) -> tuple[str, int]:
    """The next non-blank line and its number; the end of the page is an error."""
    line = cursor.peek()
    if line is None:
        raise cursor.end_error(missing)
    lineno = cursor.lineno
    cursor.take()
    return line, lineno


def _is_heading(line: str | None) -> bool:
    """Whether ``line`` ends a section's content: the end or a section heading."""
    return line is None or L.normalise(line) in L.SECTION_HEADINGS


def _views(cursor: Cursor) -> int | None:
    line, lineno = _next(cursor, "empty file")
    match = L.VIEWS_LINE.fullmatch(line)
    if not match:
        raise cursor.error(
            "expected 'Career Pathway' with an optional view count such as "
            f"'Career Pathway1,204 views', found {quote(line)}",
            lineno,
        )
    return int(match["views"].replace(",", "")) if match["views"] else None


def _title(cursor: Cursor) -> tuple[str, str, int | None]:
    """Breadcrumbs and title; role names come from the title, checked against the crumbs."""
    crumbs = []
    for which in ("current", "target"):
        line, lineno = _next(cursor, f"missing the breadcrumb naming the {which} role")
        if L.GUIDE_TITLE.fullmatch(line) or line in L.STAT_LABELS:
            raise cursor.error(
                f"missing breadcrumb: expected the {which} role, found {quote(line)}", lineno
            )
        crumbs.append((line, lineno))
    (from_crumb, from_lineno), (to_crumb, to_lineno) = crumbs

    title, title_lineno = _next(cursor, f"missing title: expected {L.GUIDE_TITLE_FORMAT}")
    match = L.GUIDE_TITLE.fullmatch(title)
    roles = split_roles(match["roles"], from_crumb) if match else None
    if match is None or roles is None:
        raise cursor.error(
            f"missing title: expected {L.GUIDE_TITLE_FORMAT}, found {quote(title)}", title_lineno
        )
    from_role, to_role = roles
    for role in roles:
        if problem := role_name_problem(role):
            raise cursor.error(problem, title_lineno)
    if from_role.casefold() != from_crumb.casefold():
        raise cursor.error(
            f"breadcrumb {quote(from_crumb)} does not match the current role "
            f"{quote(from_role)} in the title",
            from_lineno,
        )
    if to_role.casefold() != to_crumb.casefold():
        raise cursor.error(
            f"breadcrumb {quote(to_crumb)} does not match the target role "
            f"{quote(to_role)} in the title",
            to_lineno,
        )
    return from_role, to_role, int(match["months"]) if match["months"] else None


def _stats(cursor: Cursor) -> dict[str, str]:
    values = {}
    for label in L.STAT_LABELS:
        line, lineno = _next(cursor, f"missing {quote(label)}")
        if line != label:
            raise cursor.error(f"expected {quote(label)}, found {quote(line)}", lineno)
        value, value_lineno = _next(cursor, f"missing the value of {quote(label)}")
        if value in L.STAT_LABELS or _is_heading(value):
            raise cursor.error(
                f"missing the value of {quote(label)}: found {quote(value)}", value_lineno
            )
        values[label] = value
    return values


def _heading(cursor: Cursor, heading: str, after: str) -> None:
    """Read the section heading ``heading``, which must come next."""
    line = cursor.peek()
    if line is None:
        raise cursor.end_error(
            f"missing section {quote(heading)} (the guide stops after {quote(after)})"
        )
    if L.normalise(line) != heading:
        if _is_heading(line):
            raise cursor.error(
                f"section out of order: found {quote(line)} where {quote(heading)} was expected"
            )
        raise cursor.error(f"expected the section {quote(heading)}, found {quote(line)}")
    cursor.take()
    intro = L.INTROS.get(heading)
    if intro is not None and (line := cursor.peek()) is not None and L.normalise(line) == intro:
        cursor.take()


def _overview(cursor: Cursor) -> str:
    """Markdown paragraphs up to the next heading, joined by one blank line."""
    _heading(cursor, L.OVERVIEW, after="Demand")
    paragraphs: list[str] = []
    current: list[str] = []
    lines = cursor.lines
    while cursor.index < len(lines):
        line = lines[cursor.index]
        if line and L.normalise(line) in L.SECTION_HEADINGS:
            break
        cursor.index += 1
        if line:
            current.append(line)
        elif current:
            paragraphs.append("\n".join(current))
            current = []
    if current:
        paragraphs.append("\n".join(current))
    return "\n\n".join(paragraphs)


def _transferable_skills(cursor: Cursor) -> tuple[TransferableSkill, ...]:
    _heading(cursor, L.TRANSFERABLE, after=L.OVERVIEW)
    skills = []
    while not _is_heading(cursor.peek()):
        name_lineno = cursor.lineno
        name = cursor.take()
        description = cursor.peek()
        if _is_heading(description):
            raise cursor.error(f"transferable skill {quote(name)} has no description", name_lineno)
        skills.append(TransferableSkill(name, cursor.take()))
    return tuple(skills)


def _skills_to_learn(cursor: Cursor) -> tuple[SkillToLearn, ...]:
    _heading(cursor, L.TO_LEARN, after=L.TRANSFERABLE)
    skills = []
    while not _is_heading(cursor.peek()):
        name_lineno = cursor.lineno
        name = cursor.take()
        line = cursor.peek()
        if _is_heading(line):
            raise cursor.error(
                f"skill {quote(name)} has no priority and weeks line ({_PRIORITY_EXAMPLE})",
                name_lineno,
            )
        assert line is not None
        line_lineno = cursor.lineno
        cursor.take()
        priority, weeks = _priority_and_weeks(cursor, name, line, line_lineno)
        description = cursor.peek()
        if _is_heading(description):
            raise cursor.error(f"skill {quote(name)} has no description", line_lineno)
        skills.append(SkillToLearn(name, priority, weeks, cursor.take()))
    return tuple(skills)


def _priority_and_weeks(cursor: Cursor, name: str, line: str, lineno: int) -> tuple[str, int]:
    """Read "Important4 weeks" into ("important", 4)."""
    # Parsed from the end by hand: a regex here would backtrack on long digit runs.
    body = line.removesuffix("s") if line.endswith("weeks") else line
    body = body.removesuffix("week").rstrip(" \t") if body.endswith("week") else ""
    label = body.rstrip("0123456789")
    digits = body[len(label) :]
    if not 1 <= len(digits) <= 4:
        raise cursor.error(
            f"bad priority and weeks line {quote(line)} for skill {quote(name)}: "
            f"expected {_PRIORITY_EXAMPLE}",
            lineno,
        )
    label = label.rstrip(" \t")
    if not label:
        raise cursor.error(
            f"missing priority in {quote(line)} for skill {quote(name)}: "
            f"expected {_PRIORITY_EXAMPLE}",
            lineno,
        )
    priority = _PRIORITIES.get(label.casefold())
    if priority is None:
        raise cursor.error(
            f"unknown priority {quote(label)} for skill {quote(name)}: "
            "expected Critical, Important or Nice to have",
            lineno,
        )
    if int(digits) == 0:
        raise cursor.error(
            f"skill {quote(name)} takes 0 weeks in {quote(line)}: it must take at least 1 week",
            lineno,
        )
    return priority, int(digits)


# A phase before its resources are split: resources are bullets or a line index.
_RawPhase = tuple[int, str, int, tuple[str, ...], tuple[str, ...] | int]


def _roadmap(cursor: Cursor) -> tuple[list[_RawPhase], set[int]]:
    """Phases, and the indexes of run-together resource lines still to split."""
    _heading(cursor, L.ROADMAP, after=L.TO_LEARN)
    phases: list[_RawPhase] = []
    joined: set[int] = set()
    while not _is_heading(line := cursor.peek()):
        assert line is not None
        number = len(phases) + 1
        if not L.PHASE_NUMBER.fullmatch(line):
            raise cursor.error(f"expected phase number {number}, found {quote(line)}")
        if int(line) != number:
            raise cursor.error(f"phase number {line} is out of sequence: expected {number}")
        number_lineno = cursor.lineno
        cursor.take()

        title = cursor.peek()
        if _is_heading(title) or L.WEEKS.fullmatch(title) or title == L.TASKS:
            raise cursor.error(f"phase {number} has no title", number_lineno)
        assert title is not None
        cursor.take()
        name = f"phase {number} {quote(title)}"

        weeks_line = cursor.peek()
        if weeks_line is None:
            raise cursor.end_error(f"{name} has no weeks line")
        weeks = L.WEEKS.fullmatch(weeks_line)
        if weeks is None:
            raise cursor.error(
                f"{name} has no weeks line: expected e.g. '6 weeks', found {quote(weeks_line)}"
            )
        if int(weeks["weeks"]) == 0:
            raise cursor.error(f"{name} takes 0 weeks: a phase takes at least 1 week")
        cursor.take()

        if cursor.peek() is None:
            raise cursor.end_error(f"{name} has no tasks")
        if cursor.peek() != L.TASKS:
            raise cursor.error(f"{name} has no tasks: expected 'Tasks' after the weeks line")
        tasks_lineno = cursor.lineno
        cursor.take()
        tasks = _bullets(cursor)
        if not tasks:
            raise cursor.error(f"{name} has no tasks: 'Tasks' lists no '•' bullets", tasks_lineno)

        resources: tuple[str, ...] | int = ()
        if cursor.peek() == L.RESOURCES:
            resources_lineno = cursor.lineno
            cursor.take()
            resources = _bullets(cursor)
            if not resources:
                line = cursor.peek()
                if _is_heading(line) or L.PHASE_NUMBER.fullmatch(line or ""):
                    raise cursor.error(
                        f"{name} lists no resources after 'Resources'", resources_lineno
                    )
                resources = cursor.index
                joined.add(cursor.index)
                cursor.take()
        phases.append((number, title, int(weeks["weeks"]), tasks, resources))
    return phases, joined


def _bullets(cursor: Cursor) -> tuple[str, ...]:
    """Consecutive "  • item" lines, without their bullet marker."""
    items = []
    while (line := cursor.peek()) is not None and (marker := L.BULLET_LINE.match(line)):
        if marker.end() == len(line):
            raise cursor.error("empty '•' bullet")
        items.append(line[marker.end() :])
        cursor.take()
    return tuple(items)


def _lists(
    cursor: Cursor, section: str, headings: tuple[str, ...], after: str
) -> tuple[tuple[str, ...], ...]:
    """A section made of sub-headed bullet lists (Reality Check, Start Your Journey Now)."""
    _heading(cursor, section, after=after)
    lists = []
    for heading in headings:
        line = cursor.peek()
        if line is None:
            raise cursor.end_error(f"missing {quote(heading)} in {quote(section)}")
        if L.normalise(line) != heading:
            raise cursor.error(
                f"expected {quote(heading)} in {quote(section)}, found {quote(line)}"
            )
        cursor.take()
        items = _bullets(cursor)
        line = cursor.peek()
        if not (_is_heading(line) or L.normalise(line or "") in _SUBHEADINGS):
            raise cursor.error(
                f"expected a '•' bullet under {quote(heading)}, found {quote(line or '')}"
            )
        lists.append(items)
    return tuple(lists)


def _faqs(cursor: Cursor, from_role: str, to_role: str) -> tuple[FAQ, ...]:
    """Answers, each after its question when the page kept it (a line ending in "?")."""
    _heading(cursor, L.FAQS, after=L.START)
    faqs: list[FAQ] = []
    asked: set[str] = set()
    while (line := cursor.peek()) is not None and L.normalise(line) != L.GUIDE_CLOSING:
        if _is_heading(line):
            raise cursor.error(f"unexpected section {quote(line)} after {quote(L.FAQS)}")
        lineno = cursor.lineno
        cursor.take()
        if line.endswith("?"):
            answer = cursor.peek()
            if _is_heading(answer):
                raise cursor.error(f"FAQ question {quote(line)} has no answer", lineno)
            faqs.append(FAQ(line, cursor.take(), question_inferred=False))
        else:
            question = infer_question(line, from_role, to_role, asked)
            faqs.append(FAQ(question, line, question_inferred=True))
        asked.add(faqs[-1].question)
    return tuple(faqs)


def _closing(cursor: Cursor) -> None:
    """The optional closing call to action; nothing may follow it."""
    if cursor.peek() is None:
        return
    cursor.take()  # the closing heading: _faqs stops only there or at the end
    if (line := cursor.peek()) is not None and line.casefold() == L.GUIDE_CLOSING_TEXT.casefold():
        cursor.take()
    if (line := cursor.peek()) is not None:
        raise cursor.error(f"unexpected text after {quote(L.GUIDE_CLOSING)}: {quote(line)}")
