"""Two or three pathways side by side: which ones were asked for, and their rows aligned.

Plain Python over pathways fetched with their parts (``views.compare`` reads
them): a skill that several of the pathways teach is one row, whatever its
case or spacing in each guide, so a reader sees at once what they share.
"""

import unicodedata
from dataclasses import dataclass
from itertools import zip_longest
from urllib.parse import quote

from .addresses import is_slug

MOST = 3
FEWEST = 2
LONGEST_SLUG = 250  # Pathway.slug's max_length


@dataclass(frozen=True)
class Request:
    """The addresses a comparison asked for: each once, sorted (the canonical order)."""

    slugs: tuple[str, ...]

    @classmethod
    def of(cls, values: list[str]) -> "Request":
        """From ``paths`` values as sent: repeated (``paths=a&paths=b``) or comma-separated."""
        slugs = {slug.strip() for value in values for slug in value.split(",")}
        return cls(tuple(sorted(slugs - {""})))

    @property
    def too_many(self) -> bool:
        return len(self.slugs) > MOST

    @property
    def query(self) -> str:
        """``paths=a,b`` as the canonical address has it, with its addresses percent-encoded."""
        return "paths=" + ",".join(quote(slug, safe="") for slug in self.slugs)

    @property
    def parameters(self) -> list:
        """The canonical query parsed, as ``request.GET.lists()`` gives it."""
        return [("paths", [",".join(self.slugs)])] if self.slugs else []

    def unknown(self, found: dict) -> list[str]:
        return [slug for slug in self.slugs if slug not in found]


def fetchable(slugs) -> list[str]:
    """The addresses worth asking the database for (others, NUL above all, name nothing)."""
    return [slug for slug in slugs if len(slug) <= LONGEST_SLUG and is_slug(slug)]


def _key(name: str) -> str:
    return " ".join(unicodedata.normalize("NFKC", name).casefold().split())


@dataclass(frozen=True)
class Row:
    """One line of a comparison: its label and a cell per pathway (None: not in that one)."""

    label: str
    cells: tuple

    @property
    def shared(self) -> bool:
        return all(cell is not None for cell in self.cells)

    @property
    def only_in(self) -> int | None:
        """The column of the one pathway with this row, if only one has it."""
        present = [n for n, cell in enumerate(self.cells) if cell is not None]
        return present[0] if len(present) == 1 else None


def aligned(lists: list[list], name=lambda item: item.name) -> list[Row]:
    """One row per item name over all the lists, shared ones first.

    Rows in more of the lists come first; among equals, in the order the
    lists give them, the first list first. Names match whatever their case,
    spacing or Unicode form; the first spelling met is the row's label.
    """
    rows, first_seen = {}, {}
    for column, items in enumerate(lists):
        for item in items:
            key = _key(name(item))
            cells = rows.setdefault(key, [None] * len(lists))
            first_seen.setdefault(key, (len(first_seen), name(item)))
            if cells[column] is None:  # a name twice in one guide: the first counts
                cells[column] = item

    def order(key):
        return (-sum(cell is not None for cell in rows[key]), first_seen[key][0])

    return [Row(first_seen[key][1], tuple(rows[key])) for key in sorted(rows, key=order)]


def phase_rows(lists: list[list]) -> list[Row]:
    """Roadmap phases side by side by their place: phase 1 with phase 1, and so on."""
    return [
        Row(f"Phase {number}", tuple(phases))
        for number, phases in enumerate(zip_longest(*lists), start=1)
    ]


def roadmap_weeks(phases: list) -> int | None:
    """The weeks of a whole roadmap; None when the guide has none."""
    return sum(phase.weeks for phase in phases) if phases else None
