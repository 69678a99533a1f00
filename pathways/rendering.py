"""Each pathway's guide body and summary card, rendered ahead of the request.

Rendering a guide costs six queries and most of a page's time, and a hub
renders up to fifty cards. So the HTML is stored (``PathwayRendering``) and a
page reads it with the pathway in one joined query. Two rules keep it right:

- any change to a pathway, one of its parts or one of its roles deletes the
  stored HTML in the same transaction, and it is rendered again once that
  transaction commits (``stale``);
- stored HTML is used only while its ``fingerprint`` matches the templates and
  code that produce it, so a release that changes them never shows old markup.

Whenever the stored HTML is missing or out of date the page renders it on the
spot: a page may be slower for a moment, never wrong.
"""

import hashlib
import logging
import threading
from contextlib import contextmanager
from dataclasses import dataclass
from functools import cache
from itertools import accumulate
from pathlib import Path

from django.core.exceptions import ImproperlyConfigured
from django.db import transaction
from django.db.models import prefetch_related_objects
from django.template.loader import get_template, render_to_string
from django.template.loader_tags import IncludeNode
from django.utils.safestring import SafeString, mark_safe

from .locking import locked
from .models import GUIDE_PARTS, ActionItem, Pathway, PathwayRendering, RealityCheckItem

logger = logging.getLogger(__name__)

GUIDE_TEMPLATE = "includes/guide_body.html"
CARD_TEMPLATE = "includes/pathway_card.html"
# What the stored HTML depends on besides the content: these templates, the
# ones they include (found by ``templates``), and this code.
MODULES = (
    "rendering.py",
    "markdown.py",
    "templatetags/pathways_tags.py",
    "sourcetext/wording.py",  # the indefinite_article filter
)
# The guide's parts as the pathway reaches them (``pathway.skills``, …).
PART_RELATIONS = tuple(
    model._meta.get_field("pathway").remote_field.related_name for model in GUIDE_PARTS
)
BATCH = 200


@dataclass(frozen=True)
class PhaseWeeks:
    """A roadmap phase with the weeks it covers, counted from the start of the roadmap."""

    phase: object
    number: int
    first_week: int
    last_week: int


def roadmap(pathway: Pathway) -> list[PhaseWeeks]:
    """The prefetched phases in order, each with its cumulative week range."""
    phases = list(pathway.phases.all())
    ends = list(accumulate(phase.weeks for phase in phases))
    return [
        PhaseWeeks(phase, number, end - phase.weeks + 1, end)
        for number, (phase, end) in enumerate(zip(phases, ends, strict=True), start=1)
    ]


def grouped(items, attribute: str, choices) -> list[tuple[str, list]]:
    """Prefetched items grouped by a choice field, in the choices' order, empty groups left out."""
    groups = {value: [] for value, _label in choices}
    for item in items:
        groups.setdefault(getattr(item, attribute), []).append(item)
    labels = dict(choices)
    return [(labels.get(value, value), members) for value, members in groups.items() if members]


def reality_check(pathway: Pathway) -> list[tuple[str, list]]:
    return grouped(pathway.reality_items.all(), "kind", RealityCheckItem.Kind.choices)


def action_plan(pathway: Pathway) -> list[tuple[str, list]]:
    return grouped(pathway.action_items.all(), "when", ActionItem.When.choices)


def templates() -> list[str]:
    """The guide and card templates and every template they include, each once.

    Followed rather than listed, so that an include added later is part of the
    fingerprint without anyone remembering to add it.
    """
    found, pending = [], [GUIDE_TEMPLATE, CARD_TEMPLATE]
    while pending:
        name = pending.pop(0)
        if name in found:
            continue
        found.append(name)
        for node in get_template(name).template.nodelist.get_nodes_by_type(IncludeNode):
            # A quoted name is a plain string here; a variable would be a Variable.
            included = node.template.var
            if not isinstance(included, str):
                raise ImproperlyConfigured(
                    f"{name} includes a template chosen at render time ({included}): "
                    "the stored HTML's fingerprint cannot cover it"
                )
            pending.append(included)
    return found


@cache
def fingerprint() -> str:
    """A digest of the templates and modules the stored HTML is rendered with."""
    digest = hashlib.sha256()
    for name in templates():
        digest.update(get_template(name).template.source.encode())
    package = Path(__file__).resolve().parent
    for module in MODULES:
        digest.update((package / module).read_bytes())
    return digest.hexdigest()[:32]


def _stored(pathway: Pathway, field: str) -> SafeString | None:
    """The stored HTML of one kind, if the pathway was fetched with it and it is current."""
    try:
        stored = pathway.rendering
    except PathwayRendering.DoesNotExist:
        return None
    if stored.fingerprint != fingerprint():
        return None
    return mark_safe(getattr(stored, field))  # rendered by our templates, escaped there


def _with_parts():
    """Pathways with their roles and every part their guide shows."""
    return Pathway.objects.select_related("from_role", "to_role").prefetch_related(*PART_RELATIONS)


def render_guide_body(pathway: Pathway) -> str:
    """The guide below its header; the pathway's parts must be prefetched."""
    return render_to_string(
        GUIDE_TEMPLATE,
        {
            "pathway": pathway,
            "roadmap": roadmap(pathway),
            "reality_check": reality_check(pathway),
            "action_plan": action_plan(pathway),
        },
    )


def render_card(pathway: Pathway) -> str:
    """The summary card listing the pathway on hubs, role pages and search results."""
    return render_to_string(CARD_TEMPLATE, {"pathway": pathway})


def guide_body(pathway: Pathway) -> SafeString:
    """The stored guide body, or one rendered now (six more queries)."""
    if (html := _stored(pathway, "guide_html")) is not None:
        return html
    prefetch_related_objects([pathway], *PART_RELATIONS)
    return mark_safe(render_guide_body(pathway))


def card(pathway: Pathway) -> SafeString:
    """The stored card, or one rendered now (no query: the roles are selected with it)."""
    if (html := _stored(pathway, "card_html")) is not None:
        return html
    return mark_safe(render_card(pathway))


def cards(pathway_ids: list[int], stored: dict[int, tuple[str, str]] | None = None):
    """The cards of these pathways, in this order, as a list of safe strings.

    ``stored`` maps pathway ids to the fingerprint and HTML of their stored
    card when the caller read them already; otherwise they are read in one
    query. One more query renders any card missing or out of date.
    """
    if stored is None:
        rows = PathwayRendering.objects.filter(pathway_id__in=pathway_ids).values_list(
            "pathway_id", "fingerprint", "card_html"
        )
        stored = {pk: (made_by, html) for pk, made_by, html in rows}
    current = fingerprint()
    stored = {pk: html for pk, (made_by, html) in stored.items() if made_by == current}
    missing = [pk for pk in pathway_ids if pk not in stored]
    if missing:
        for pathway in Pathway.objects.select_related("from_role", "to_role").filter(
            pk__in=missing
        ):
            stored[pathway.pk] = render_card(pathway)
    return [mark_safe(stored[pk]) for pk in pathway_ids if pk in stored]


def refresh(pathway_ids) -> int:
    """Render and store the HTML of these pathways; returns how many were stored.

    Each batch locks its pathways first, so a change to one of them made at
    the same time either commits before the batch reads it or waits for the
    batch to finish and then deletes what it stored (``forget``).
    """
    ids = sorted(set(pathway_ids))
    stored = 0
    for start in range(0, len(ids), BATCH):
        with transaction.atomic():
            pathways = list(locked(_with_parts().filter(pk__in=ids[start : start + BATCH])))
            current = fingerprint()
            renderings = [
                PathwayRendering(
                    pathway=pathway,
                    fingerprint=current,
                    guide_html=render_guide_body(pathway),
                    card_html=render_card(pathway),
                )
                for pathway in pathways
            ]
            PathwayRendering.objects.bulk_create(
                renderings,
                update_conflicts=True,
                unique_fields=["pathway"],
                update_fields=["fingerprint", "guide_html", "card_html"],
            )
            stored += len(renderings)
    return stored


def refresh_outdated() -> int:
    """Render every pathway whose stored HTML is missing or from other templates."""
    current = PathwayRendering.objects.filter(fingerprint=fingerprint()).values("pathway_id")
    return refresh(Pathway.objects.exclude(pk__in=current).values_list("pk", flat=True))


def forget(pathway_ids) -> None:
    """Delete the stored HTML of these pathways, in the caller's transaction."""
    ids = list(set(pathway_ids))
    with transaction.atomic():
        # Locked like ``refresh``, so a refresh running now cannot store HTML
        # read before this change after this delete.
        list(locked(Pathway.objects.filter(pk__in=ids)).values_list("pk", flat=True))
        PathwayRendering.objects.filter(pathway_id__in=ids).delete()


class _State(threading.local):
    def __init__(self):
        self.pending = set()  # to render once the transaction commits
        self.gathering = None  # a set while ``gathered`` is in effect


_state = _State()


def stale(pathway_ids) -> None:
    """These pathways changed: forget their HTML now, render it again after commit."""
    ids = set(pathway_ids)
    if not ids:
        return
    if _state.gathering is not None:
        _state.gathering.update(ids)
        return
    forget(ids)
    _state.pending.update(ids)
    # One callback per change; the first to run takes every id gathered so far
    # and the rest find nothing left to do.
    transaction.on_commit(_refresh_pending, robust=True)


def _refresh_pending() -> None:
    ids, _state.pending = _state.pending, set()
    if ids:
        refresh(ids)


@contextmanager
def gathered():
    """Gather the pathways changed in this block rather than handling each change.

    For bulk writes (the importer): their stored HTML is deleted in one go when
    the block ends, and the caller renders them when it sees fit (``refresh``
    with the set this yields).
    """
    ids = set()
    _state.gathering = ids
    try:
        yield ids
    finally:
        _state.gathering = None
    forget(ids)
