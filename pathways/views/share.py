"""A guide's share card: the PNG that ``og:image`` names, at an address carrying its version."""

import hashlib

from django.core.cache import cache
from django.http import Http404, HttpResponse, HttpResponseRedirect
from django.urls import reverse
from django.utils.cache import get_conditional_response
from django.utils.http import quote_etag
from django.views.decorators.http import require_safe

from .. import queries, share_image

# A card never changes at its address: a new version of the guide has a new address.
IMMUTABLE = "public, max-age=31536000, immutable"
# Drawing a card takes about 50 ms (share_image.share_png): keep it, under its version.
CARD_SECONDS = 7 * 24 * 60 * 60


def share_image_url(pathway) -> str:
    return reverse("pathways:share_image", args=[pathway.slug, pathway.version])


def _card(pathway) -> tuple[str, bytes]:
    """The card's ETag and PNG, drawn once per pathway version and layout."""
    key = f"pathways:share:{pathway.pk}:{pathway.version}:{share_image.LAYOUT_VERSION}"
    card = cache.get(key)
    if card is None:
        png = share_image.share_png(pathway)
        card = (quote_etag(hashlib.sha256(png).hexdigest()[:32]), png)
        cache.set(key, card, CARD_SECONDS)
    return card


@require_safe
def share_card(request, slug, version):
    """The card of a published guide; an older version's address leads to the current one."""
    pathway = queries.published_with_roles(slug)
    if pathway is None or version > pathway.version:
        raise Http404("No such card")
    if version < pathway.version:
        return HttpResponseRedirect(share_image_url(pathway))
    etag, png = _card(pathway)
    response = HttpResponse(png, content_type="image/png")
    response["ETag"] = etag
    response["Cache-Control"] = IMMUTABLE
    return get_conditional_response(request, etag=etag, response=response)
