"""Counting guide views: each visitor once per guide per day.

Guide pages may come from a cache or a proxy, so the count is not taken while
rendering. Each page view makes one small uncached request here instead: a
POST beacon from ``static/js/site.js``, or with JavaScript off the 1x1 image in
the page's ``<noscript>``.

A visitor is an HMAC of the client address and User-Agent under a key made
from SECRET_KEY and the UTC date: the same all day in every process, a new one
tomorrow, and never the address itself. ``cache.add`` keeps that mark for a
day and says atomically whether it is new; only then is the count raised
(``pathways.view_counts``: at once in the database, or gathered in Redis and
written every few seconds), so concurrent visitors are never lost. No cookie
is set and the page itself does not vary. With a shared cache (Redis) a
visitor counts once across all processes; with the local-memory cache, once
per process. The beacon answers the stored count plus any not yet written.

Requests another site makes a browser send (``Sec-Fetch-Site`` or ``Origin``
from elsewhere) are refused, and well-known automated agents are not counted.
"""

import base64
import datetime
from urllib.parse import urlsplit

from django.conf import settings
from django.core.cache import cache
from django.http import Http404, HttpResponse, HttpResponseForbidden, JsonResponse
from django.utils.crypto import salted_hmac
from django.utils.http import is_same_domain
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.http import require_http_methods

from .. import view_counts
from ..client import client_address
from ..models import Pathway
from ..templatetags.pathways_tags import view_label

# Lower-case pieces of User-Agent strings that are not a person reading; an
# empty agent is not counted either.
AUTOMATED_AGENTS = (
    # Search engines and other crawlers.
    "bot", "crawler", "spider", "crawl", "slurp",
    # Headless and scripted browsers (HeadlessChrome, as Puppeteer and Playwright run it).
    "headless", "phantomjs", "puppeteer", "playwright", "selenium",
    "webdriver", "lighthouse",
    # HTTP libraries and load generators.
    "curl/", "wget/", "python-requests", "python-urllib", "python-httpx", "httpx/",
    "aiohttp", "go-http-client", "okhttp", "java/", "apache-httpclient", "libwww-perl",
    "axios/", "node-fetch", "undici", "scrapy", "wrk", "apachebench", "httpie",
    # Link previews.
    "facebookexternalhit", "facebookcatalog", "slackbot", "slack-imgproxy", "twitterbot",
    "discordbot", "whatsapp", "telegrambot", "linkedinbot", "embedly", "skypeuripreview",
    "pinterest", "vkshare", "iframely",
    # Uptime and monitoring checks.
    "uptimerobot", "pingdom", "statuscake", "site24x7", "newrelicpinger", "datadog",
    "nagios", "check_http", "zabbix", "blackbox-exporter", "monitor",
)  # fmt: skip
# Sec-Fetch-Site values of requests made by our own pages (or typed in).
OWN_FETCH_SITES = ("same-origin", "none")
VISITOR_SECONDS = 24 * 60 * 60
# A transparent 1x1 GIF for the no-JavaScript image.
PIXEL = base64.b64decode("R0lGODlhAQABAIAAAAAAAP///yH5BAEAAAAALAAAAAABAAEAAAIBRAA7")


def is_automated(request) -> bool:
    agent = request.headers.get("User-Agent", "").strip().lower()
    return not agent or any(piece in agent for piece in AUTOMATED_AGENTS)


def from_own_pages(request) -> bool:
    """False for a request another site's page made a browser send."""
    fetch_site = request.headers.get("Sec-Fetch-Site")
    if fetch_site is not None and fetch_site not in OWN_FETCH_SITES:
        return False
    origin = request.headers.get("Origin")
    return origin is None or _is_own_origin(request, origin)


def _is_own_origin(request, origin: str) -> bool:
    # As Django's CSRF check compares origins: this host, or CSRF_TRUSTED_ORIGINS.
    if origin == f"{request.scheme}://{request.get_host()}":
        return True
    if origin in settings.CSRF_TRUSTED_ORIGINS:
        return True
    try:
        parts = urlsplit(origin)
    except ValueError:
        return False
    return any(
        is_same_domain(parts.netloc, urlsplit(trusted).netloc.removeprefix("*"))
        for trusted in settings.CSRF_TRUSTED_ORIGINS
        if "*" in trusted and urlsplit(trusted).scheme == parts.scheme
    )


def record_visit(pathway_id: int, address: str, agent: str, day: datetime.date) -> bool:
    """Mark this address and agent as visitors of this guide on ``day``; True if they were not."""
    visitor = salted_hmac(
        f"pathways.views.counter:{day.isoformat()}", f"{address}\n{agent}", algorithm="sha256"
    ).hexdigest()[:32]
    return cache.add(
        f"pathways:visitor:{day.isoformat()}:{pathway_id}:{visitor}", 1, timeout=VISITOR_SECONDS
    )


def record_visitor(request, pathway_id: int) -> bool:
    """Mark a person (not an automated agent) as a visitor of this guide today; True if new."""
    if is_automated(request):
        return False
    today = datetime.datetime.now(datetime.UTC).date()
    agent = request.headers.get("User-Agent", "")
    return record_visit(pathway_id, client_address(request), agent, today)


@csrf_exempt  # The page is cached for everyone, so it carries no token: origins are checked.
@require_http_methods(["GET", "HEAD", "POST"])
def count_view(request, slug):
    """Count a visitor's first view of a published guide today; POST answers the count as JSON."""
    if not from_own_pages(request):
        response = HttpResponseForbidden("Views are counted from this site's pages only.")
        response["Cache-Control"] = "no-store"
        return response
    published = Pathway.objects.published().filter(slug=slug)
    found = published.values_list("pk", "views").first()
    if found is None:
        raise Http404("No such guide")
    pathway_id, views = found
    if request.method != "HEAD" and record_visitor(request, pathway_id):
        pending = view_counts.add_view(pathway_id)
        if pending is None:  # written to the database at once
            pending = 0
            if request.method == "POST":
                views = published.values_list("views", flat=True).first() or 0
    else:
        pending = view_counts.pending_views(pathway_id) if request.method == "POST" else 0
    views += pending
    if request.method == "POST":
        response = JsonResponse({"views": views, "label": view_label(views)})
    else:
        response = HttpResponse(PIXEL, content_type="image/gif")
    response["Cache-Control"] = "no-store"
    return response
