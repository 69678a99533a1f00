"""Figures inside values: timeline and salary ranges, role names in a title.

A range keeps its text as written; the numbers are a reading of it and are
``None`` when the text has no figure this module understands.
"""

import re
import unicodedata

from .records import Range

_MINUS_SIGNS = "-\u2212"  # hyphen-minus and the minus sign
# Beyond these a figure is not a reading anyone meant (and would not fit the
# database's columns): the text is kept, the numbers are None.
MAX_TIMELINE_MONTHS = 1200
MAX_SALARY_PERCENT = 10_000

# "6-9 months", "6 to 9 months", "18 months", "1-2 years"; en and em dashes too
_TIMELINE = re.compile(
    "(?P<low>\\d{1,6})(?:[ \\t]*(?:[-\u2013\u2014]|to)[ \\t]*(?P<high>\\d{1,6}))?"
    "[ \\t]*(?P<unit>months?|years?)",
    re.IGNORECASE,
)
# "+15%", "-10%", "+20% to +50%", "-5% to +10%", "20-50%"; minus signs and dashes too
_PERCENT = "(?P<{name}>[+\u2212-]?[ \\t]*\\d{{1,6}})"
_SALARY = re.compile(
    _PERCENT.format(name="low")
    + "[ \\t]*(?:%[ \\t]*)?(?:(?:to|[-\u2013\u2014])[ \\t]*"
    + _PERCENT.format(name="high")
    + r"[ \t]*)?%",
    re.IGNORECASE,
)
_SALARY_SINGLE = re.compile(_PERCENT.format(name="low") + r"[ \t]*%")


def parse_timeline(text: str) -> Range:
    """Months in a timeline such as "6-9 months" or "1-2 years" (years count as 12)."""
    match = _TIMELINE.fullmatch(text.strip())
    if not match:
        return Range(text, None, None)
    low = int(match["low"])
    high = int(match["high"]) if match["high"] else low
    factor = 12 if match["unit"].lower().startswith("year") else 1
    if max(low, high) * factor > MAX_TIMELINE_MONTHS:
        return Range(text, None, None)
    return Range(text, min(low, high) * factor, max(low, high) * factor)


def parse_salary(text: str) -> Range:
    """Percentages in a salary change such as "+15%" or "-5% to +10%"."""
    stripped = text.strip()
    if single := _SALARY_SINGLE.fullmatch(stripped):
        low = high = _signed(single["low"])
    elif pair := _SALARY.fullmatch(stripped):
        low, high = _signed(pair["low"]), _signed(pair["high"] or pair["low"])
    else:
        return Range(text, None, None)
    if max(abs(low), abs(high)) > MAX_SALARY_PERCENT:
        return Range(text, None, None)
    return Range(text, min(low, high), max(low, high))


def _signed(figure: str) -> int:
    figure = figure.replace(" ", "").replace("\t", "")
    if figure[0] in _MINUS_SIGNS:
        return -int(figure[1:])
    return int(figure.lstrip("+"))


def split_roles(roles: str, from_role: str | None = None) -> tuple[str, str] | None:
    """Read "X to Y" as (X, Y); None when it has no " to " between two names.

    With ``from_role`` (a breadcrumb), the split after that name is preferred,
    so role names containing " to " still read correctly.
    """
    if from_role is not None:
        head = roles[: len(from_role)]
        if head.casefold() == from_role.casefold() and roles[len(head) :].startswith(" to "):
            before, after = head.strip(), roles[len(head) + 4 :].strip()
            if before and after:
                return before, after
    at = roles.find(" to ")
    while at != -1:
        before, after = roles[:at].strip(), roles[at + 4 :].strip()
        if before and after:
            return before, after
        at = roles.find(" to ", at + 1)
    return None


def role_name_problem(role: str) -> str | None:
    """Why ``role`` cannot name a role, or None when it can.

    A role's page address is made of the letters and digits of its name (in
    any script, after NFKC normalisation), so a name needs at least one.
    """
    if any(char.isalnum() for char in unicodedata.normalize("NFKC", role)):
        return None
    return f"role name '{role}' has no letter or digit, so its page would have no address"
