"""What the site keeps so that pages are fast: stored guide and card HTML, and whole pages.

Each pathway's guide body and summary card are stored as HTML (``PathwayRendering``)
with the two numbers they were rendered from: the pathway's ``version``, which
every save in the admin and every import that changes it moves on, and
``TEMPLATE_VERSION``, moved by hand when the templates change (a test fails
until it is). Stored HTML is used only while both still match; otherwise the
page renders it on the spot and stores it, so writers never render nor delete
HTML, and a slow request storing HTML of an older version does no harm: its
numbers do not match, so it is never served. Whole public pages are cached
under the content version (one database row that every content change moves
on, in the change's own transaction) and their URL: in a small in-process LRU
of hot pages in front of Django's cache (local memory, or Redis shared by every
process), so a hit costs neither a query nor a round trip. Each process reads
the content version at most once per ``VERSION_CHECK_SECONDS`` and at once
after it commits a change itself: an edit shows in the process that made it
at once, and in every other within a second.
"""

import hashlib
import threading
from collections import OrderedDict
from time import monotonic
from typing import NamedTuple

from django.conf import settings
from django.core.cache import cache, caches
from django.core.cache.backends.dummy import DummyCache
from django.db import transaction
from django.db.models import F, Q, prefetch_related_objects
from django.db.models.signals import m2m_changed, post_delete, post_save
from django.http import HttpResponse, HttpResponseNotModified
from django.template.loader import render_to_string
from django.template.response import SimpleTemplateResponse
from django.utils.http import parse_etags, quote_etag
from django.utils.safestring import SafeString, mark_safe

from . import sections
from .models import (
    GUIDE_PARTS,
    ContentVersion,
    Hub,
    HubEntry,
    Pathway,
    PathwayRendering,
    Role,
)

# Move on whenever the guide or card templates, or the code they call, change:
# tests/test_template_version.py fails until it is.
TEMPLATE_VERSION = 2
GUIDE_TEMPLATE = "includes/guide_body.html"
CARD_TEMPLATE = "includes/pathway_card.html"
# The guide's parts as the pathway reaches them (``pathway.skills``, …).
PART_RELATIONS = tuple(
    model._meta.get_field("pathway").remote_field.related_name for model in GUIDE_PARTS
)
STORE_BATCH = 200

VERSION_ROW = 1
VERSION_CHECK_SECONDS = 1
HOT_PAGES = 500  # at most ~50 KB each: a few MB a process
# Old versions' pages are never read again; the timeout lets the cache drop them.
STORE_SECONDS = 24 * 60 * 60


# Stored guide and card HTML


def _current(stored: PathwayRendering, pathway: Pathway) -> bool:
    return (stored.pathway_version, stored.template_version) == (pathway.version, TEMPLATE_VERSION)


def _current_html(pathway, field: str) -> str | None:
    """Stored HTML of one kind if it was rendered from this very pathway version and templates.

    The pathway must have been fetched with its ``rendering`` (``queries``).
    """
    stored = getattr(pathway, "rendering", None)  # None when nothing is stored
    if stored is None or not _current(stored, pathway):
        return None
    return getattr(stored, field)


def _store_html(pathways: list[Pathway]) -> dict[int, PathwayRendering]:
    """Render the guide body and card of these pathways (with their roles) and store them.

    Six queries for their parts, whatever their number, and one upsert.
    """
    prefetch_related_objects(pathways, *PART_RELATIONS)
    rows = [
        PathwayRendering(
            pathway_id=pathway.pk,
            pathway_version=pathway.version,
            template_version=TEMPLATE_VERSION,
            guide_html=render_to_string(
                GUIDE_TEMPLATE, {"pathway": pathway, **sections.guide_sections(pathway)}
            ),
            card_html=render_to_string(CARD_TEMPLATE, {"pathway": pathway}),
        )
        for pathway in pathways
    ]
    PathwayRendering.objects.bulk_create(
        rows,
        update_conflicts=True,
        unique_fields=["pathway"],
        update_fields=["pathway_version", "template_version", "guide_html", "card_html"],
    )
    return {row.pathway_id: row for row in rows}


def guide_body_html(pathway: Pathway) -> SafeString:
    """The guide below its header: stored, or rendered now and stored (seven more queries)."""
    html = _current_html(pathway, "guide_html")
    if html is None:
        html = _store_html([pathway])[pathway.pk].guide_html
    return mark_safe(html)  # rendered by our templates, which escape the content


def guide_body_html_at(pathway: Pathway, pace) -> SafeString:
    """The guide body with its weeks at a reader's ``pace`` (``pathways.pace``).

    The stored HTML is the baseline's. Another pace's body is rendered now (six
    more queries) and not stored: its page is cached whole under its own address.
    """
    if pace.is_baseline:
        return guide_body_html(pathway)
    prefetch_related_objects([pathway], *PART_RELATIONS)
    context = {"pathway": pathway, **sections.guide_sections(pathway, pace)}
    return mark_safe(render_to_string(GUIDE_TEMPLATE, context))


def cards_html(pathways) -> list[SafeString]:
    """The summary cards of these pathways, in order (hubs, role pages, search results).

    Each pathway comes with its ``version`` and stored ``rendering``
    (``queries.with_cards``, ``queries.hub_paths``). Those without a current
    stored card are read again with their parts, rendered and stored together:
    eight more queries, whatever their number.
    """
    return [card for _pathway, card in listed_cards(pathways)]


def listed_cards(pathways) -> list[tuple]:
    """``cards_html`` with each card beside the pathway it shows: (pathway, card) pairs."""
    pathways = list(pathways)
    html = {pathway.pk: _current_html(pathway, "card_html") for pathway in pathways}
    missing = [pk for pk, card in html.items() if card is None]
    if missing:
        again = Pathway.objects.select_related("from_role", "to_role").filter(pk__in=missing)
        html.update((pk, row.card_html) for pk, row in _store_html(list(again)).items())
    # A card is left out only if its pathway was deleted in the meantime.
    return [(p, mark_safe(html[p.pk])) for p in pathways if html.get(p.pk) is not None]


def store_outdated_html(*, everything: bool = False) -> int:
    """Render and store the HTML of every pathway whose stored HTML is missing or outdated.

    Pages do this on their own when they meet such a pathway; running it after
    a deploy or an import spares visitors the wait. Returns how many were stored.
    """
    outdated = Pathway.objects.all()
    if not everything:
        current = PathwayRendering.objects.filter(
            template_version=TEMPLATE_VERSION, pathway_version=F("pathway__version")
        )
        outdated = outdated.exclude(pk__in=current.values("pathway_id"))
    ids = list(outdated.order_by("pk").values_list("pk", flat=True))
    for start in range(0, len(ids), STORE_BATCH):
        batch = Pathway.objects.select_related("from_role", "to_role").filter(
            pk__in=ids[start : start + STORE_BATCH]
        )
        _store_html(list(batch))
    return len(ids)


def move_pathway_versions_on(sender, instance, created, update_fields=None, **kwargs):
    """A role's name and address are on every guide and card from or to it: move their versions on."""
    if created or (update_fields is not None and not {"name", "slug"} & set(update_fields)):
        return
    Pathway.objects.filter(Q(from_role=instance) | Q(to_role=instance)).update(
        version=F("version") + 1
    )


# The content version


class _VersionCheck:
    """This process's last reading of the content version, shared by its threads."""

    def __init__(self):
        self.lock = threading.Lock()
        self.reading = (None, float("-inf"))  # (value, monotonic time read)
        self.generation = 0  # moved on by every reset, so a reading begun before one is dropped

    def reset(self) -> None:
        with self.lock:
            self.generation += 1
            self.reading = (None, float("-inf"))


_check = _VersionCheck()


def content_version() -> int:
    """The content version, read from the database at most once per ``VERSION_CHECK_SECONDS``."""
    value, read_at = _check.reading
    now = monotonic()
    if now - read_at < VERSION_CHECK_SECONDS:
        return value
    generation = _check.generation
    rows = ContentVersion.objects.filter(pk=VERSION_ROW).values_list("value", flat=True)
    value = next(iter(rows), 1)
    with _check.lock:
        if generation == _check.generation:
            _check.reading = (value, now)
    return value


def move_content_version_on(*args, **kwargs) -> None:
    """Move the content version on, in the current transaction (also a signal receiver).

    This process reads it again now and once the change commits, so its next
    page shows the change; other processes see it within a second.
    """
    if not ContentVersion.objects.filter(pk=VERSION_ROW).update(value=F("value") + 1):
        # The row is made by a migration; a flushed test database lacks it.
        ContentVersion.objects.get_or_create(pk=VERSION_ROW, defaults={"value": 2})
    _check.reset()
    transaction.on_commit(_check.reset)


def _hub_listing_changed(sender, action, **kwargs):
    if action.startswith("post_"):
        move_content_version_on()


def connect_signals() -> None:
    """Called once from ``PathwaysConfig.ready()``.

    Guide parts send nothing: they change only through the pathway's admin
    form or the importer, and both save the pathway itself.
    """
    for model in (Role, Pathway, Hub, HubEntry):
        uid = f"pathways-content-{model._meta.label_lower}"
        post_save.connect(move_content_version_on, sender=model, dispatch_uid=f"{uid}-save")
        post_delete.connect(move_content_version_on, sender=model, dispatch_uid=f"{uid}-delete")
    post_save.connect(move_pathway_versions_on, sender=Role, dispatch_uid="pathways-role-renamed")
    # hub.pathways.add()/remove() write HubEntry rows without save signals.
    m2m_changed.connect(
        _hub_listing_changed, sender=Hub.pathways.through, dispatch_uid="pathways-hub-m2m"
    )


# Whole pages


class _HotPages:
    """This process's most recently used pages, so that a hit needs no round trip."""

    def __init__(self, size: int):
        self.size = size
        self.pages = OrderedDict()
        self.lock = threading.Lock()

    def get(self, key: str) -> "StoredPage | None":
        with self.lock:
            page = self.pages.get(key)
            if page is not None:
                self.pages.move_to_end(key)
            return page

    def put(self, key: str, page: "StoredPage") -> None:
        with self.lock:
            self.pages[key] = page
            self.pages.move_to_end(key)
            if len(self.pages) > self.size:
                self.pages.popitem(last=False)

    def clear(self) -> None:
        with self.lock:
            self.pages.clear()


_hot = _HotPages(HOT_PAGES)


def clear_local() -> None:
    """Forget this process's hot pages and content version reading (tests, between tests)."""
    _hot.clear()
    _check.reset()


def _caching_pages() -> bool:
    # CACHE_URL=dummy:// turns page caching off altogether (benchmarks of rendering).
    return not isinstance(caches["default"], DummyCache)


def _digest(text: str) -> str:
    return hashlib.sha256(text.encode()).hexdigest()[:32]


def _version(request) -> int:
    """The content version, the same for the whole of one request."""
    if not hasattr(request, "_content_version"):
        request._content_version = content_version()
    return request._content_version


def _etag(request) -> str:
    """The ETag of the page at the requested URL under the current content version."""
    return quote_etag(_digest(f"{_version(request)}:{request.build_absolute_uri()}"))


def _store_key(request, url: str) -> str:
    return f"pathways:page:{_version(request)}:{_digest(url)}"


# A stored page keeps the headers that say what its body is, so a hit is served
# as it was rendered: a JSON answer of the open-data API stays JSON and open to
# every origin, whether the view or the middleware answers.
STORED_HEADERS = ("Content-Type", "Access-Control-Allow-Origin")


class StoredPage(NamedTuple):
    content: bytes
    headers: tuple[tuple[str, str], ...]

    @classmethod
    def of(cls, response: HttpResponse) -> "StoredPage":
        kept = tuple((name, response[name]) for name in STORED_HEADERS if name in response)
        return cls(response.content, kept)

    def response(self) -> HttpResponse:
        return HttpResponse(self.content, headers=dict(self.headers))


def _stored_page(key: str) -> StoredPage | None:
    """A page from this process's hot pages, else from the cache (and then kept hot)."""
    page = _hot.get(key)
    if page is None:
        page = cache.get(key)
        if not isinstance(page, StoredPage):
            return None  # nothing stored, or a body stored bare by an older release
        _hot.put(key, page)
    return page


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


def cached_page(request) -> HttpResponse | None:
    """A 304 or the stored page for a GET or HEAD, or None when it must be rendered."""
    if request.method not in ("GET", "HEAD") or not _caching_pages():
        return None
    etag = _etag(request)
    if etag in parse_etags(request.headers.get("If-None-Match", "")):
        return _mark_public(HttpResponseNotModified(), etag)
    page = _stored_page(_store_key(request, request.build_absolute_uri()))
    if page is None:
        return None
    return _mark_public(page.response(), etag)


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

    Only canonical addresses are stored, so made-up URLs cannot fill the cache:
    a 200 response is stored only when its view named the page's canonical
    address with ``canonical_page`` (known parameters, in a fixed order, with
    values that exist), and only under that address. A request for another
    address of the same page gets the stored canonical page, or renders it and
    stores it under the canonical address. A view keeps a response out of
    every cache with ``mark_private``.
    """

    canonical_address = None

    def canonical_page(self, address: str) -> HttpResponse | None:
        """Name this page's canonical address: its path and checked parameters, nothing else.

        Returns the stored page when the request asked for another address of
        it, so the view need not render it again; else None.
        """
        self.canonical_address = address
        if self.request.get_full_path() == address or not _caching_pages():
            return None  # the middleware has looked this address up already
        page = _stored_page(_store_key(self.request, self.request.build_absolute_uri(address)))
        if page is None:
            return None
        stored = page.response()
        stored.from_store = True
        return stored

    def dispatch(self, request, *args, **kwargs):
        response = super().dispatch(request, *args, **kwargs)
        if request.method not in ("GET", "HEAD"):
            return response
        if response.status_code != 200 or not getattr(response, "cacheable", True):
            return response
        if self.canonical_address is not None and not getattr(response, "from_store", False):
            if isinstance(response, SimpleTemplateResponse):
                response.render()  # a plain HttpResponse (the API's JSON) has its content
            if _caching_pages():
                key = _store_key(request, request.build_absolute_uri(self.canonical_address))
                page = StoredPage.of(response)
                cache.set(key, page, timeout=STORE_SECONDS)
                _hot.put(key, page)
        return _mark_public(response, _etag(request))
