"""Filters for the summary card (``includes/pathway_card.html``)."""

from django import template

from ..excerpts import excerpt

register = template.Library()

register.filter("excerpt", excerpt)


@register.filter
def roadmap_weeks(pathway) -> int:
    """The weeks of a pathway's roadmap, all phases together (phases prefetched)."""
    return sum(phase.weeks for phase in pathway.phases.all())
