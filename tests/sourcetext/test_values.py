"""Figures inside values: timeline and salary ranges."""

import pytest

from pathways.sourcetext import Range, parse_salary, parse_text, parse_timeline

from .pages import seed_text


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("6-9 months", (6, 9)),
        ("6 months", (6, 6)),
        ("6\u20139 months", (6, 9)),
        ("6 \u2013 9 months", (6, 9)),
        ("6 to 9 months", (6, 9)),
        ("1 month", (1, 1)),
        ("1-2 years", (12, 24)),
        ("1 year", (12, 12)),
        ("9-6 months", (6, 9)),
        ("about a year", (None, None)),
        ("6+ months", (None, None)),
        ("", (None, None)),
    ],
)
def test_parse_timeline_reads_months(text, expected):
    assert parse_timeline(text) == Range(text, *expected)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("+15%", (15, 15)),
        ("15%", (15, 15)),
        ("+20% to +50%", (20, 50)),
        ("-10%", (-10, -10)),
        ("\u221210%", (-10, -10)),
        ("-5% to +10%", (-5, 10)),
        ("\u22125% to +10%", (-5, 10)),
        ("+20%\u2013+50%", (20, 50)),
        ("20-50%", (20, 50)),
        ("+50% to +20%", (20, 50)),
        ("+12.5%", (None, None)),
        ("Varies", (None, None)),
    ],
)
def test_parse_salary_reads_percentages(text, expected):
    assert parse_salary(text) == Range(text, *expected)


def test_parse_text_unreadable_ranges_keep_their_text():
    text = seed_text().replace("6-9 months", "It depends").replace("+15%", "Similar pay")
    guide = parse_text(text, "x")

    assert (guide.timeline, guide.salary_change) == (
        Range("It depends", None, None),
        Range("Similar pay", None, None),
    )


@pytest.mark.parametrize(
    ("text", "parse"),
    [("200 years", parse_timeline), ("1201 months", parse_timeline), ("+10001%", parse_salary)],
)
def test_parse_figures_beyond_sense_keep_text_without_numbers(text, parse):
    assert parse(text) == Range(text, None, None)
