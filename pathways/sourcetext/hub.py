"""The grammar of a "How to Become a <Role>" hub page.

Layout: the title, an intro line, "Target Career: <Role>", a line on what the
role does, "Transition Paths from Different Backgrounds (N)", then N pathway
title / summary line pairs and an optional closing call to action.
"""

from . import layout as L
from .cursor import Cursor, quote
from .records import Hub, HubPathway
from .values import role_name_problem, split_roles


def parse_hub(cursor: Cursor) -> Hub:
    """Read a whole hub page."""
    title = cursor.take()
    match = L.HUB_TITLE.fullmatch(title)
    assert match is not None  # the caller chose this grammar by the title
    role = match["role"]
    if problem := role_name_problem(role):
        raise cursor.error(problem, cursor.lineno - 1)

    intro = _line(cursor, "the intro line")
    if L.TARGET.fullmatch(intro):
        raise cursor.error(f"missing the intro line before {quote(intro)}", cursor.lineno - 1)

    target = _line(cursor, f"'Target Career: {role}'")
    target_match = L.TARGET.fullmatch(target)
    if not target_match:
        raise cursor.error(
            f"expected 'Target Career: {role}', found {quote(target)}", cursor.lineno - 1
        )
    if target_match["role"].casefold() != role.casefold():
        raise cursor.error(
            f"target career {quote(target_match['role'])} does not match the role "
            f"{quote(role)} in the title",
            cursor.lineno - 1,
        )

    description = _line(cursor, "the line describing the role")
    if L.PATHS_HEADING.fullmatch(description):
        raise cursor.error(
            f"missing the line describing the role before {quote(description)}", cursor.lineno - 1
        )

    heading = _line(cursor, "'Transition Paths from Different Backgrounds (N)'")
    heading_lineno = cursor.lineno - 1
    heading_match = L.PATHS_HEADING.fullmatch(heading)
    if not heading_match:
        raise cursor.error(
            f"expected 'Transition Paths from Different Backgrounds (N)', found {quote(heading)}",
            heading_lineno,
        )

    pathways = _pathways(cursor)
    count = int(heading_match["count"])
    if count != len(pathways):
        raise cursor.error(
            f"the heading says {count} transition paths but {len(pathways)} are listed",
            heading_lineno,
        )
    _closing(cursor, role)
    return Hub(role=role, intro=intro, role_description=description, pathways=pathways)


def _line(cursor: Cursor, what: str) -> str:
    """The next non-blank line; the end of the page is an error naming ``what``."""
    if cursor.peek() is None:
        raise cursor.end_error(f"missing {what}")
    return cursor.take()


def _pathways(cursor: Cursor) -> tuple[HubPathway, ...]:
    pathways = []
    seen: dict[tuple[str, str], int] = {}  # each path once: (from, to) -> its line
    while (title := cursor.peek()) is not None and title != L.HUB_CLOSING:
        title_lineno = cursor.lineno
        match = L.GUIDE_TITLE.fullmatch(title)
        roles = split_roles(match["roles"]) if match else None
        if match is None or roles is None:
            raise cursor.error(
                f"expected a pathway title like {L.GUIDE_TITLE_FORMAT}, found {quote(title)}"
            )
        cursor.take()
        summary = cursor.peek()
        if summary is None or summary == L.HUB_CLOSING or L.GUIDE_TITLE.fullmatch(summary):
            raise cursor.error(f"pathway {quote(title)} has no summary", title_lineno)
        cursor.take()
        months = int(match["months"]) if match["months"] else None
        from_role, to_role = roles
        for listed_role in roles:
            if problem := role_name_problem(listed_role):
                raise cursor.error(problem, title_lineno)
        key = (from_role.casefold(), to_role.casefold())
        if key in seen:
            raise cursor.error(
                f"the path from {quote(from_role)} to {quote(to_role)} is listed twice "
                f"(first at line {seen[key]})",
                title_lineno,
            )
        seen[key] = title_lineno
        pathways.append(
            HubPathway(
                from_role, to_role, L.guide_title(from_role, to_role, months), months, summary
            )
        )
    return tuple(pathways)


def _closing(cursor: Cursor, role: str) -> None:
    """The optional closing call to action; nothing may follow it."""
    if cursor.peek() is None:
        return
    cursor.take()  # the closing heading: _pathways stops only there or at the end
    expected = L.hub_closing_text(role).casefold()
    if (line := cursor.peek()) is not None and line.casefold() == expected:
        cursor.take()
    if (line := cursor.peek()) is not None:
        raise cursor.error(f"unexpected text after {quote(L.HUB_CLOSING)}: {quote(line)}")
