"""The guide's week figures at the reader's pace (``pathways.pace``)."""

from django import template

register = template.Library()


@register.filter
def at_pace(weeks, pace):
    """A duration in baseline weeks, in weeks at ``pace``: ``{{ skill.weeks|at_pace:pace }}``."""
    return pace.weeks(weeks)
