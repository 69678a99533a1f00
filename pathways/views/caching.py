"""Public pages are the same for everyone, so they are cached whole.

A page is stored in Django's cache under the content version and its canonical
address, and sent with an ETag made from the version and its URL. Browsers
revalidate on every visit (``max-age=0``: an edit shows at once, and an
unchanged page costs a 304); shared caches such as a CDN or nginx may serve it
for ``PAGE_CACHE_SECONDS`` (``s-maxage``), the bound on how stale a page there
gets. Saving any content bumps the version (see ``pathways.signals``), which
retires every cached page and ETag at once. A conditional GET whose ETag still
matches is answered 304 before the view runs, so it costs no database query.

Only canonical addresses are stored, so made-up URLs cannot fill the cache. A
view names its page's canonical address once it has checked its inputs: known
parameters, in a fixed order, with values that exist. A request for another
address of the same page (unknown or repeated parameters, another order, a
page number past the end) gets the stored canonical page without rendering it,
or renders it and stores it under the canonical address. A page with inputs that name nothing
(an unknown starting role, free-text search) is rendered and never stored.
"""

import hashlib

from django.conf import settings
from django.core.cache import cache
from django.http import HttpResponse, HttpResponseNotModified
from django.utils.http import parse_etags, quote_etag

from .. import content_version

# Old versions' pages are never read again; the timeout lets the cache drop them.
STORE_SECONDS = 24 * 60 * 60


def _digest(text: str) -> str:
    return hashlib.sha256(text.encode()).hexdigest()[:32]


def _mark_public(response: HttpResponse, etag: str) -> HttpResponse:
    response["ETag"] = etag
    # Set whole rather than patched: this runs on every cached hit, and a
    # public page carries no other cache directives.
    response["Cache-Control"] = (
        f"public, max-age=0, must-revalidate, s-maxage={settings.PAGE_CACHE_SECONDS}"
    )
    return response


def mark_private(response: HttpResponse) -> HttpResponse:
    """Keep a page out of every cache (a staff preview of a draft)."""
    response["Cache-Control"] = "private, no-store"
    response.cacheable = False
    return response


def _version(request) -> int:
    """The content version, read once per request."""
    if not hasattr(request, "_content_version"):
        request._content_version = content_version.current()
    return request._content_version


def _etag(request) -> str:
    """The ETag of the page at the requested URL under the current content version."""
    return quote_etag(_digest(f"{_version(request)}:{request.build_absolute_uri()}"))


def _store_key(request, url: str) -> str:
    return f"pathways:page:{_version(request)}:{_digest(url)}"


def cached_page(request) -> HttpResponse | None:
    """A 304 or the stored page for a GET or HEAD, or None when it must be rendered."""
    if request.method not in ("GET", "HEAD"):
        return None
    etag = _etag(request)
    if etag in parse_etags(request.headers.get("If-None-Match", "")):
        return _mark_public(HttpResponseNotModified(), etag)
    html = cache.get(_store_key(request, request.build_absolute_uri()))
    if html is None:
        return None
    return _mark_public(HttpResponse(html), etag)


class PageCacheMiddleware:
    """Answer page-cache hits before sessions, CSRF, auth and URL routing run.

    A hit needs none of them: stored pages are the same for every visitor.
    Sits after the security, static-file and CSP middleware, whose headers a
    hit still gets. Paths that never hold public pages are passed straight on.
    """

    SKIP_PREFIXES = ("/admin/", "/markdownx/", "/healthz", "/media/")

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if not request.path.startswith(self.SKIP_PREFIXES):
            hit = cached_page(request)
            if hit is not None:
                return hit
        return self.get_response(request)


class CachedPageMixin:
    """Render, store and mark public a page that ``PageCacheMiddleware`` did not have.

    A 200 response is stored only when its view named the page's canonical
    address with ``canonical_page``, and only under that address. A view keeps
    a response out of every cache with ``mark_private``.
    """

    canonical_address = None

    def canonical_page(self, address: str) -> HttpResponse | None:
        """Name this page's canonical address: its path and checked parameters, nothing else.

        Returns the stored page when the request asked for another address of
        it, so the view need not render it again; else None.
        """
        self.canonical_address = address
        if self.request.get_full_path() == address:
            return None  # the middleware has looked this address up already
        html = cache.get(_store_key(self.request, self.request.build_absolute_uri(address)))
        if html is None:
            return None
        stored = HttpResponse(html)
        stored.from_store = True
        return stored

    def dispatch(self, request, *args, **kwargs):
        response = super().dispatch(request, *args, **kwargs)
        if request.method not in ("GET", "HEAD"):
            return response
        if response.status_code != 200 or not getattr(response, "cacheable", True):
            return response
        if self.canonical_address is not None and not getattr(response, "from_store", False):
            response.render()
            key = _store_key(request, request.build_absolute_uri(self.canonical_address))
            cache.set(key, response.content, timeout=STORE_SECONDS)
        return _mark_public(response, _etag(request))
