"""The share card's head tags (``og:image``, ``twitter:card``) for a guide page."""

from django import template

from .. import share_image
from ..views.share import share_image_url

register = template.Library()


@register.inclusion_tag("includes/share_meta.html", takes_context=True)
def share_meta(context, pathway):
    return {
        "image_url": context["request"].build_absolute_uri(share_image_url(pathway)),
        "image_alt": share_image.alt_text(pathway),
        "width": share_image.WIDTH,
        "height": share_image.HEIGHT,
        "title": context["page_title"],
        "description": context["meta_description"],
    }
