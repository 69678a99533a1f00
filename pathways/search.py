"""Full-text search of guides: what is indexed, how it is kept current, how it is asked.

Each pathway has one ``SearchDocument``: four texts by weight, built here from
the pathway and its parts (``document_texts``): the target role (A), the
starting role and title (B), the skills (C), and the rest of the guide (D).
PostgreSQL indexes them as a stored ``tsvector`` with a GIN index (English
stemming); SQLite as an FTS5 table (Porter stemming) that triggers keep in step
with the documents. Accents are folded here, in Python, on both the texts and
the query, so both databases treat "Ingénieur" and "ingenieur" alike; a query
becomes plain words (English stop words dropped, as PostgreSQL does), never the
databases' query syntax, so no input can make a search fail.

Results come in tiers, whatever the database: a match in the target role
first (the shortest role names first: "Product Manager" before "AI Product
Manager"), then in the starting role or title, then in the skills, then
anywhere; the database's own relevance orders each tier, then the title. The
two databases weigh relevance differently (bm25, ts_rank): the tiers and the
role-name length make them agree on what matters most.

Documents are written in the transaction that changes the content: on every
save of a pathway (``Pathway`` post_save), after the admin saves its parts,
after an import writes its parts (``indexing_at_end``), and when a role is
renamed. A data migration and ``manage.py render_pages`` index existing rows.
"""

import re
import unicodedata
from contextlib import contextmanager
from contextvars import ContextVar
from functools import cache
from typing import NamedTuple

from django.db import connection
from django.db.models import BooleanField, Case, F, Func, Q, QuerySet, Value, When
from django.db.models.expressions import RawSQL
from django.db.models.functions import Length
from django.db.models.signals import post_save
from django.utils.html import escape
from django.utils.safestring import SafeString, mark_safe

from .models import GUIDE_PARTS, Pathway, Role, SearchDocument

PUBLISHED = Pathway.Status.PUBLISHED
MAX_WORDS = 12
INDEX_BATCH = 200
FTS_TABLE = "pathways_search_fts"
# The four texts, heaviest first: FTS5 columns in this order, PostgreSQL weights A to D.
COLUMNS = ("target", "roles", "skills", "body")
WEIGHTS = "abcd"
# The FTS5 counterpart of PostgreSQL's default weights (1, 0.4, 0.2, 0.1).
BM25_WEIGHTS = "10.0, 4.0, 2.0, 1.0"
# Marks around matched words in an excerpt from the database: control characters,
# which ``fold`` removes from every indexed text, so content can never forge them.
MARK_START, MARK_END = "\x02", "\x03"
EXCERPT_WORDS = 24

# PostgreSQL's English stop words (tsearch_data/english.stop): dropped from
# queries, so that SQLite, which keeps them, finds the same guides.
_STOP_WORDS = """i me my myself we our ours ourselves you your yours yourself yourselves he him his
    himself she her hers herself it its itself they them their theirs themselves what which
    who whom this that these those am is are was were be been being have has had having do
    does did doing a an the and but if or because as until while of at by for with about
    against between into through during before after above below to from up down in out on
    off over under again further then once here there when where why how all any both each
    few more most other some such no nor not only own same so than too very s t can will
    just don should now"""
STOP_WORDS = frozenset(_STOP_WORDS.split())

_CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f]")
_WORD = re.compile(r"[^\W_]+")
# Markdown that reads as noise in an excerpt: link targets, emphasis, headings, code.
_MARKDOWN_NOISE = re.compile(r"\]\([^)]*\)|[*_`#\[\]]")


def fold(text: str) -> str:
    """``text`` without accents or control characters (newlines and tabs kept)."""
    decomposed = unicodedata.normalize("NFKD", _CONTROL.sub(" ", text or ""))
    bare = "".join(c for c in decomposed if unicodedata.category(c) != "Mn")
    return unicodedata.normalize("NFC", bare)


def query_words(q: str) -> list[str]:
    """The words of a query as both databases search them: folded, stop words dropped."""
    words = []
    for word in _WORD.findall(fold(q).casefold()):
        if word not in STOP_WORDS and word not in words:
            words.append(word)
    return words[:MAX_WORDS]


# The documents


class DocumentTexts(NamedTuple):
    target: str
    roles: str
    skills: str
    body: str


def _lines(*texts: str) -> str:
    return fold("\n".join(_MARKDOWN_NOISE.sub("", t) for t in texts if t))


def document_texts(pathway: Pathway) -> DocumentTexts:
    """What search indexes of a pathway, fetched with its roles and parts (``_with_parts``)."""
    skills = [*pathway.transferable_skills.all(), *pathway.skills.all()]
    phases = pathway.phases.all()
    return DocumentTexts(
        target=_lines(pathway.to_role.name),
        roles=_lines(pathway.from_role.name, pathway.title),
        skills=" · ".join(fold(skill.name) for skill in skills),
        body=_lines(
            pathway.overview,
            pathway.demand,
            *(skill.description for skill in skills),
            *(f"{phase.title}\n{phase.tasks}\n{phase.resources}" for phase in phases),
            *(item.text for item in pathway.reality_items.all()),
            *(item.text for item in pathway.action_items.all()),
            *(f"{faq.question}\n{faq.answer}" for faq in pathway.faqs.all()),
        ),
    )


def _with_parts(pathway_ids) -> QuerySet:
    relations = [
        model._meta.get_field("pathway").remote_field.related_name for model in GUIDE_PARTS
    ]
    return (
        Pathway.objects.select_related("from_role", "to_role")
        .prefetch_related(*relations)
        .filter(pk__in=pathway_ids)
    )


def _weighted_vector():
    from django.contrib.postgres.search import SearchVector

    vectors = [
        SearchVector(column, weight=weight.upper(), config="english")
        for column, weight in zip(COLUMNS, WEIGHTS, strict=True)
    ]
    return sum(vectors[1:], vectors[0])


def update_index(pathway_ids) -> None:
    """Write the search documents of these pathways: eight queries a batch of 200."""
    ids = sorted(set(pathway_ids))
    for start in range(0, len(ids), INDEX_BATCH):
        batch = ids[start : start + INDEX_BATCH]
        rows = [
            SearchDocument(pathway_id=pathway.pk, **document_texts(pathway)._asdict())
            for pathway in _with_parts(batch)
        ]
        SearchDocument.objects.bulk_create(
            rows, update_conflicts=True, unique_fields=["pathway"], update_fields=COLUMNS
        )
        if connection.vendor == "postgresql":
            SearchDocument.objects.filter(pk__in=batch).update(vector=_weighted_vector())


def index_everything() -> int:
    """Write every pathway's search document; returns how many."""
    ids = list(Pathway.objects.order_by("pk").values_list("pk", flat=True))
    update_index(ids)
    return len(ids)


# Keeping the documents current

_deferred: ContextVar[set | None] = ContextVar("pathways_search_deferred", default=None)


@contextmanager
def indexing_at_end():
    """Index the pathways saved inside this block once, as it ends (an import).

    Their parts, written with ``bulk_create``, send no signal; the block's end
    sees them all.
    """
    pending = set()
    token = _deferred.set(pending)
    try:
        yield pending
    finally:
        _deferred.reset(token)
    update_index(pending)


def _pathway_saved(sender, instance, **kwargs):
    pending = _deferred.get()
    if pending is None:
        update_index([instance.pk])
    else:
        pending.add(instance.pk)


def _role_saved(sender, instance, created, update_fields=None, **kwargs):
    """A role's name is in the documents of every pathway from or to it."""
    if created or (update_fields is not None and "name" not in update_fields):
        return
    ids = Pathway.objects.filter(Q(from_role=instance) | Q(to_role=instance)).values_list(
        "pk", flat=True
    )
    pending = _deferred.get()
    if pending is None:
        update_index(list(ids))
    else:
        pending.update(ids)


def connect_signals() -> None:
    """Called once from ``PathwaysConfig.ready()``."""
    post_save.connect(_pathway_saved, sender=Pathway, dispatch_uid="pathways-search-pathway")
    post_save.connect(_role_saved, sender=Role, dispatch_uid="pathways-search-role")


# Asking


def _fts_query(words: list[str], columns: tuple[str, ...] = ()) -> str:
    # Each word quoted: FTS5 reads it as a string, never as syntax (NEAR, OR, *, -).
    phrase = " ".join(f'"{word}"' for word in words)
    return f"{{{' '.join(columns)}}} : ({phrase})" if columns else phrase


@cache
def _fts_matches_sql() -> str:
    q = connection.ops.quote_name
    tiers = " ".join(
        f"WHEN {FTS_TABLE}.rowid IN (SELECT rowid FROM {FTS_TABLE} WHERE {FTS_TABLE} MATCH %s) THEN {n}"
        for n in range(len(COLUMNS) - 1)
    )
    return f"""
        SELECT p.id FROM {FTS_TABLE}
         INNER JOIN {q(Pathway._meta.db_table)} p ON p.id = {FTS_TABLE}.rowid
         WHERE {FTS_TABLE} MATCH %s AND p.status = %s
         ORDER BY CASE {tiers} ELSE {len(COLUMNS) - 1} END,
                  CASE WHEN {FTS_TABLE}.rowid IN (SELECT rowid FROM {FTS_TABLE}
                                                   WHERE {FTS_TABLE} MATCH %s)
                       THEN length({FTS_TABLE}.target) ELSE 0 END,
                  bm25({FTS_TABLE}, {BM25_WEIGHTS}), p.title, p.id
    """


class _WeightFiltered(Func):
    """The part of a search vector with these weights (``ts_filter``)."""

    template = 'ts_filter(%(expressions)s::"char"[])'

    def __init__(self, vector, weights: str):
        super().__init__(vector, Value(f"{{{','.join(weights)}}}"))


class _Matches(Func):
    arg_joiner = " @@ "
    template = "(%(expressions)s)"
    output_field = BooleanField()


def _search_query(words: list[str]):
    from django.contrib.postgres.search import SearchQuery

    return SearchQuery(" ".join(words), search_type="plain", config="english")


def matching_ids(q: str) -> list[int]:
    """The published pathways matching ``q``, best first: one query."""
    words = query_words(q)
    if not words:
        return []
    if connection.vendor == "postgresql":
        from django.contrib.postgres.search import SearchRank

        query, vector = _search_query(words), F("search_document__vector")
        tiers = [
            When(_Matches(_WeightFiltered(vector, WEIGHTS[: n + 1]), query), then=n)
            for n in range(len(COLUMNS) - 1)
        ]
        return list(
            Pathway.objects.published()
            .filter(search_document__vector=query)
            .annotate(
                tier=Case(*tiers, default=Value(len(COLUMNS) - 1)),
                target_length=Case(
                    When(tier=0, then=Length("search_document__target")), default=Value(0)
                ),
                rank=SearchRank(vector, query),
            )
            .order_by("tier", "target_length", "-rank", "title", "pk")
            .values_list("pk", flat=True)
        )
    tier_queries = [_fts_query(words, COLUMNS[: n + 1]) for n in range(len(COLUMNS) - 1)]
    with connection.cursor() as cursor:
        params = [_fts_query(words), PUBLISHED, *tier_queries, tier_queries[0]]
        cursor.execute(_fts_matches_sql(), params)
        return [row[0] for row in cursor.fetchall()]


def with_excerpts(pathways: QuerySet, q: str) -> QuerySet:
    """``pathways`` with ``excerpt``: a few words of their skills (when they match) or
    else of the rest of their guide, matched words between ``MARK_START`` and
    ``MARK_END`` (``marked_excerpt``), computed in the same query."""
    words = query_words(q)
    if not words:
        return pathways.annotate(excerpt=Value(""))
    if connection.vendor == "postgresql":
        from django.contrib.postgres.search import SearchHeadline

        query = _search_query(words)
        skills_only = _WeightFiltered(F("search_document__vector"), "c")
        options = {
            "config": "english",
            "start_sel": MARK_START,
            "stop_sel": MARK_END,
            "max_words": EXCERPT_WORDS,
            "min_words": EXCERPT_WORDS // 2,
        }
        return pathways.annotate(
            excerpt=Case(
                When(
                    _Matches(skills_only, query),
                    then=SearchHeadline("search_document__skills", query, **options),
                ),
                default=SearchHeadline("search_document__body", query, **options),
            )
        )
    snippet = f"snippet({FTS_TABLE}, %s, char(2), char(3), '…', {EXCERPT_WORDS})"
    skills, body = COLUMNS.index("skills"), COLUMNS.index("body")
    sql = f"""(SELECT CASE WHEN instr(s, char(2)) THEN s ELSE b END
                 FROM (SELECT {snippet} AS s, {snippet} AS b FROM {FTS_TABLE}
                        WHERE {FTS_TABLE} MATCH %s AND rowid = {Pathway._meta.db_table}.id))"""
    return pathways.annotate(excerpt=RawSQL(sql, [skills, body, _fts_query(words)]))


def marked_excerpt(excerpt: str | None) -> SafeString:
    """An excerpt as HTML: its text escaped, then its matched words in ``<mark>``."""
    html = str(escape(excerpt or ""))
    return mark_safe(html.replace(MARK_START, "<mark>").replace(MARK_END, "</mark>"))


def result_cards(pathway_ids: list[int], q: str) -> list[SafeString]:
    """The cards of these pathways in this order, each with its excerpt: one query
    (eight more for cards whose stored HTML is outdated, as ``caching.cards_html``)."""
    from . import caching, queries

    found = with_excerpts(queries.with_cards(Pathway.objects.all()), q).in_bulk(pathway_ids)
    pathways = [found[pk] for pk in pathway_ids if pk in found]
    cards = caching.cards_html(pathways)
    if len(cards) != len(pathways):  # one was deleted meanwhile: which card is whose is lost
        return cards
    return [card_with_excerpt(card, p.excerpt) for p, card in zip(pathways, cards, strict=True)]


def card_with_excerpt(card: SafeString, excerpt: str) -> SafeString:
    """A stored card (``<li class="card">…</li>``) with the excerpt as its last paragraph."""
    head, closing, tail = str(card).rpartition("</li>")
    if not excerpt or not closing:
        return card
    found = f'<p class="search-excerpt">{marked_excerpt(excerpt)}</p>\n'
    return mark_safe(f"{head}{found}{closing}{tail}")
