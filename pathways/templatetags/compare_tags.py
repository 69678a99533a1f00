"""``{% compare_url a b %}``: the canonical address of the compare page for these pathways."""

from django import template
from django.urls import reverse

from ..comparison import Request

register = template.Library()


@register.simple_tag
def compare_url(*pathways) -> str:
    return f"{reverse('pathways:compare')}?{Request.of([p.slug for p in pathways]).query}"
