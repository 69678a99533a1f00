"""Public pages are the same for everyone, so they are cached whole.

A page is stored in Django's cache under the content version and its full URL,
and sent with an ETag made from the same two things. Browsers revalidate on
every visit (``max-age=0``: an edit shows at once, and an unchanged page costs
a 304); shared caches such as a CDN or nginx may serve it for
``PAGE_CACHE_SECONDS`` (``s-maxage``), the bound on how stale a page there gets. Saving any content bumps the version (see ``pathways.signals``), which
retires every cached page and ETag at once. A conditional GET whose ETag still
matches is answered 304 before the view runs, so it costs no database query.
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


def _page_key(request) -> tuple[str, str]:
    """The ETag and cache key of the page at this URL, under the current content version."""
    if not hasattr(request, "_page_key"):
        url = request.build_absolute_uri()
        version = content_version.current()
        request._page_key = (
            quote_etag(_digest(f"{version}:{url}")),
            f"pathways:page:{version}:{_digest(url)}",
        )
    return request._page_key


def cached_page(request) -> HttpResponse | None:
    """A 304 or the stored page for a GET or HEAD, or None when it must be rendered."""
    if request.method not in ("GET", "HEAD"):
        return None
    etag, key = _page_key(request)
    if etag in parse_etags(request.headers.get("If-None-Match", "")):
        return _mark_public(HttpResponseNotModified(), etag)
    html = cache.get(key)
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

    Only 200 responses are stored. A view keeps a response out of the cache
    with ``mark_private``.
    """

    def dispatch(self, request, *args, **kwargs):
        if request.method not in ("GET", "HEAD"):
            return super().dispatch(request, *args, **kwargs)
        response = super().dispatch(request, *args, **kwargs)
        if hasattr(response, "render"):
            response.render()
        if response.status_code == 200 and getattr(response, "cacheable", True):
            etag, key = _page_key(request)
            cache.set(key, response.content, timeout=STORE_SECONDS)
            _mark_public(response, etag)
        return response
