"""Counting guide views.

Guide pages may come from a cache or a proxy, so the count is not taken while
rendering. Each page view makes one small uncached request here instead: a
POST beacon from ``static/js/site.js``, or with JavaScript off the 1x1 image in
the page's ``<noscript>``. The increment is a single ``UPDATE … SET views =
views + 1``, so concurrent views are never lost.
"""

import base64

from django.db.models import F
from django.http import Http404, HttpResponse, JsonResponse
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.http import require_http_methods

from ..models import Pathway
from ..templatetags.pathways_tags import view_label

BOT_WORDS = ("bot", "crawler", "spider")
# A transparent 1x1 GIF for the no-JavaScript image.
PIXEL = base64.b64decode("R0lGODlhAQABAIAAAAAAAP///yH5BAEAAAAALAAAAAABAAEAAAIBRAA7")


def is_bot(request) -> bool:
    agent = request.headers.get("User-Agent", "").lower()
    return any(word in agent for word in BOT_WORDS)


@csrf_exempt  # A cross-site POST can only add one view, as a visit would.
@require_http_methods(["GET", "HEAD", "POST"])
def count_view(request, slug):
    """Add one view to a published guide; POST answers the new count as JSON."""
    published = Pathway.objects.published().filter(slug=slug)
    if request.method == "HEAD" or is_bot(request):
        found = published.exists()
    else:
        found = published.update(views=F("views") + 1) == 1
    if not found:
        raise Http404("No such guide")
    if request.method == "POST":
        views = published.values_list("views", flat=True).first() or 0
        response = JsonResponse({"views": views, "label": view_label(views)})
    else:
        response = HttpResponse(PIXEL, content_type="image/gif")
    response["Cache-Control"] = "no-store"
    return response
