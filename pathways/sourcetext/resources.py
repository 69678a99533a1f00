"""Splitting a run-together resources line into its resources.

Source pages lost the separators between a phase's resources, e.g.
"Coursera: AI For EveryoneBook: The Lean Startup by Eric Ries". A new resource
can only start inside a whitespace-separated token, at a *junction*:

- lowercase → Uppercase ("EveryoneBook"),
- ")" or "]" → Uppercase or digit ("(Andrew Ng)Kaggle"),
- a closing quote → Uppercase ("'Radical Candor'Kaggle"),
- a word → digits followed by an Uppercase ("Learning3Blue1Brown"; the digits
  start the next name), or an acronym's digits → Uppercase ("GPT4Guide").

The same junctions occur inside names ("GitHub", "3Blue1Brown"), so a token
is read as a run of humps and known names glue their humps together, longest
name first. Names are known from a shipped lexicon (``known_names.txt``), from
the caller (names editors keep in the admin), and from words written on their
own anywhere else in the same guide. A remaining letter junction is a
boundary unless the piece before it is too short to be a word ("iPhone",
"McKinsey", "PyTorch"); a short capitalised word the guide also uses on its
own ("Andrew Ng") still ends a resource.

Every step is linear in the length of the line: names are only looked for
among the few hump boundaries nearest each junction.
"""

import re
from bisect import bisect_left, bisect_right
from collections.abc import Callable, Iterable
from functools import cache, cached_property
from itertools import pairwise
from pathlib import Path

LEXICON_FILE = Path(__file__).with_name("known_names.txt")

_TOKEN = re.compile(r"\S+")
# Cheap tests on ASCII tokens; the exact rules are in _junctions and _name_bounds.
_MAY_JOIN = re.compile(r"[a-z)\]'\"][A-Z0-9]|[A-Za-z][0-9]|[0-9][A-Z]")
_MAY_JOIN_AT = re.compile(r"(?=[a-z)\]'\"][A-Z0-9]|[A-Za-z][0-9]|[0-9][A-Z])")
_HUMP_EDGE_AT = re.compile(
    r"(?=[^A-Za-z0-9].|.[^A-Za-z0-9]|[A-Za-z][0-9]|[0-9][A-Za-z]|[A-Z][A-Z][a-z])"
)
# A word of the guide: letters, digits and the punctuation names contain ("fast.ai").
_WORD = re.compile("[\\w.'\u2019+#-]+")
_WORD_CHARS = "_.'\u2019+#-"  # besides letters and digits
_WORD_EDGES = ".'\u2019-"  # \u2019 is the typographic apostrophe
_CLOSING_BRACKETS = ")]"
# A closing quote and the character that opens it (typographic ones too).
_QUOTE_OPENERS = {"'": "'", '"': '"', "\u2019": "\u2018", "\u201d": "\u201c"}
_QUOTE_LOOKBACK = 300  # a quoted title is never longer than this
_MIN_WORD_LETTERS = 3
# A known name spans at most this many hump boundaries on each side of a junction,
# and at most this many characters.
_NAME_REACH = 4
_MAX_NAME_LENGTH = 64
# Direct searches of the page text before all its words are indexed instead.
_SEARCH_BUDGET = 48

# Junction kinds: the too-short rule only applies where letters meet letters.
_LETTER, _DIGITS, _PUNCTUATION, _NAME_END = "letter", "digits", "punctuation", "name end"


@cache
def lexicon() -> frozenset[str]:
    """The shipped names, one per line; blank lines and lines starting with '#' are skipped."""
    lines = (line.strip() for line in LEXICON_FILE.read_text("utf-8").splitlines())
    return frozenset(line for line in lines if line and not line.startswith("#"))


def words_in(text: str) -> frozenset[str]:
    """The words of ``text``, edge punctuation and a possessive 's removed."""
    words = set()
    for raw in set(_WORD.findall(text)):
        word = raw.strip(_WORD_EDGES)
        if word.endswith(("'s", "\u2019s")):
            words.add(word[:-2])
        words.add(word)
    return frozenset(words)


class KnownNames:
    """Names never to break: the lexicon, the caller's names and the guide's own words.

    ``guide_text`` may be a callable, so the page text is only gathered when
    a resources line needs more than the lexicon. The guide is first searched
    for the few names in question; past a small budget of searches (a page
    full of junctions) every word is indexed once, so lookups stay linear.
    """

    def __init__(self, extra: Iterable[str] = (), guide_text: str | Callable[[], str] = ""):
        self._lexicon = lexicon()
        self._extra = frozenset(name.strip() for name in extra if name.strip())
        self._guide_text = guide_text
        self._words: frozenset[str] | None = None
        self._searches_left = _SEARCH_BUDGET

    @cached_property
    def _text(self) -> str:
        return self._guide_text() if callable(self._guide_text) else self._guide_text

    def is_listed(self, name: str) -> bool:
        """Whether ``name`` is in the lexicon or among the caller's names."""
        return name in self._lexicon or name in self._extra

    def in_guide(self, name: str) -> bool:
        """Whether the guide writes ``name`` as a word of its own."""
        if self._words is None and self._search():
            return _has_word(self._text, name)
        return name in self._indexed_words()

    def may_be_in_guide(self, fragment: str) -> bool:
        """A quick no when ``fragment`` occurs nowhere in the guide."""
        if self._words is None and self._search():
            return fragment in self._text
        return True

    def __contains__(self, name: object) -> bool:
        return isinstance(name, str) and (self.is_listed(name) or self.in_guide(name))

    def _search(self) -> bool:
        """Spend one search of the page text; False once the budget is gone."""
        self._searches_left -= 1
        return self._searches_left >= 0

    def _indexed_words(self) -> frozenset[str]:
        if self._words is None:
            self._words = words_in(self._text)
        return self._words


def _has_word(text: str, name: str) -> bool:
    """Whether ``name`` occurs in ``text`` as a whole word (as ``words_in`` reads words)."""
    at = text.find(name)
    while at != -1:
        start, end = at, at + len(name)
        while start > 0 and _is_word_char(text[start - 1]):
            start -= 1
        while end < len(text) and _is_word_char(text[end]):
            end += 1
        word = text[start:end].strip(_WORD_EDGES)
        if word in (name, name + "'s", name + "\u2019s"):
            return True
        at = text.find(name, end)
    return False


def _is_word_char(char: str) -> bool:
    return char.isalnum() or char in _WORD_CHARS


def split_resources(line: str, known: KnownNames | None = None) -> tuple[str, ...]:
    """The resources in a run-together ``line``, in order."""
    known = known if known is not None else KnownNames()
    line = line.strip()
    cuts: list[int] = []
    for token in _TOKEN.finditer(line):
        text = token.group()
        if text.isascii() and not _MAY_JOIN.search(text):
            continue
        offset, resource_start = token.start(), cuts[-1] if cuts else 0

        def closes_quote(at: int, offset: int = offset, resource_start: int = resource_start):
            return _closes_quote(line, resource_start, offset + at)

        junctions = _junctions(text, closes_quote)
        if junctions:
            cuts.extend(offset + cut for cut in _token_cuts(text, junctions, known))
    pieces = (line[start:end].strip() for start, end in pairwise([0, *cuts, len(line)]))
    return tuple(piece for piece in pieces if piece)


def _positions(token: str, pattern: re.Pattern[str]) -> Iterable[int]:
    """Positions between characters worth a closer look (ASCII tokens skip the rest)."""
    if token.isascii():
        return [match.start() + 1 for match in pattern.finditer(token)]
    return range(1, len(token))


def _junctions(token: str, closes_quote: Callable[[int], bool]) -> dict[int, str]:
    """Positions in ``token`` where a new resource may start, with their kind."""
    found: dict[int, str] = {}
    for at in _positions(token, _MAY_JOIN_AT):
        before, here = token[at - 1], token[at]
        if here.isupper():
            if before.islower():
                found[at] = _LETTER
            elif before in _CLOSING_BRACKETS or (before in _QUOTE_OPENERS and closes_quote(at - 1)):
                found[at] = _PUNCTUATION
            elif before.isdigit() and _digits_follow_acronym(token, at):
                found[at] = _DIGITS
        elif here.isdigit():
            if before in _CLOSING_BRACKETS:
                found[at] = _PUNCTUATION
            elif before.islower() and _digits_then_upper(token, at):
                found[at] = _DIGITS
    return found


def _digits_then_upper(token: str, at: int) -> bool:
    """Whether the digits starting at ``at`` are followed by an uppercase letter."""
    end = at
    while end < len(token) and token[end].isdigit():
        end += 1
    return end < len(token) and token[end].isupper()


def _digits_follow_acronym(token: str, at: int) -> bool:
    """Whether the digits ending at ``at`` follow an uppercase letter ("GPT4")."""
    start = at - 1
    while start > 0 and token[start - 1].isdigit():
        start -= 1
    return start > 0 and token[start - 1].isupper()


def _closes_quote(line: str, resource_start: int, at: int) -> bool:
    """Whether the quote at ``line[at]`` closes one opened in the current resource."""
    closing = line[at]
    opening = _QUOTE_OPENERS[closing]
    is_open = False
    for index in range(max(resource_start, at - _QUOTE_LOOKBACK), at):
        char = line[index]
        if char == opening and not is_open:
            is_open = index == 0 or line[index - 1] in " \t(["
        elif char == closing and is_open:
            # An apostrophe inside a word ("Manager's") does not close the quote.
            is_open = index + 1 < len(line) and line[index + 1].isalnum()
    return is_open


def _token_cuts(token: str, junctions: dict[int, str], known: KnownNames) -> list[int]:
    """The junctions of ``token`` that really start a new resource."""
    protected, name_ends = _known_name_spans(token, junctions, known)
    candidates = {at: kind for at, kind in junctions.items() if at not in protected}
    candidates.update(dict.fromkeys(name_ends, _NAME_END))
    cuts = []
    piece_start = 0
    for at in sorted(candidates):
        kind = candidates[at]
        if kind in (_LETTER, _DIGITS) and _too_short(token, piece_start, at, known):
            continue
        cuts.append(at)
        piece_start = at
    return cuts


def _known_name_spans(
    token: str, junctions: dict[int, str], known: KnownNames
) -> tuple[set[int], set[int]]:
    """Junctions inside known names, and name ends that start a new resource.

    A name may begin or end only where a hump or a word does; among names that
    overlap, the longest (then the leftmost) wins.
    """
    bounds = _name_bounds(token, junctions)
    # Listed names first; the guide's words only for junctions they leave open.
    spans = _spans_over(token, bounds, junctions, known.is_listed)
    covered = {at for start, end in spans for at in range(start + 1, end)}
    # A word of the page spanning a junction contains the two characters around it.
    open_junctions = [
        at
        for at in junctions
        if at not in covered and known.may_be_in_guide(token[at - 1 : at + 1])
    ]
    if open_junctions:
        spans |= _spans_over(token, bounds, open_junctions, known.in_guide)

    chosen: list[tuple[int, int]] = []
    taken = bytearray(len(token))
    for start, end in sorted(spans, key=lambda span: (span[0] - span[1], span[0])):
        if not any(taken[start:end]):
            chosen.append((start, end))
            taken[start:end] = b"\x01" * (end - start)
    protected = {at for start, end in chosen for at in range(start + 1, end)}
    # A name followed by a capital (or digits and a capital) ends a resource: "Web3|Guide".
    name_ends = {
        end
        for _, end in chosen
        if end < len(token)
        and token[end - 1].isalnum()
        and (token[end].isupper() or (token[end].isdigit() and _digits_then_upper(token, end)))
    }
    return protected, name_ends


def _name_bounds(token: str, junctions: dict[int, str]) -> list[int]:
    """Sorted positions where a name may begin or end: humps and word edges."""
    bounds = {0, len(token), *junctions}
    for at in _positions(token, _HUMP_EDGE_AT):
        before, here = token[at - 1], token[at]
        if (
            not (before.isalnum() and here.isalnum())
            or before.isalpha() != here.isalpha()  # "JavaScript|30", "Web3|Guide"
            # An acronym before a capitalised word: "PostgreSQL|Mongo".
            or (before.isupper() and here.isupper() and token[at + 1 : at + 2].islower())
        ):
            bounds.add(at)
    return sorted(bounds)


def _spans_over(
    token: str, bounds: list[int], junctions: Iterable[int], is_name: Callable[[str], bool]
) -> set[tuple[int, int]]:
    """(start, end) of every name in ``token`` spanning one of ``junctions``."""
    spans = set()
    for junction in junctions:
        left, right = bisect_left(bounds, junction), bisect_right(bounds, junction)
        before = bounds[max(0, left - _NAME_REACH) : left]
        after = bounds[right : right + _NAME_REACH]
        for start in before:
            for end in after:
                if end - start <= _MAX_NAME_LENGTH and is_name(token[start:end]):
                    spans.add((start, end))
    return spans


def _too_short(token: str, start: int, end: int, known: KnownNames) -> bool:
    """Whether ``token[start:end]`` is a name prefix ("i", "Mc", "Py") rather than a word."""
    letters = 0
    for index in range(end - 1, start - 1, -1):
        letters += token[index].isalpha()
        if letters >= _MIN_WORD_LETTERS:
            return False
    word = token[start:end].strip(_WORD_EDGES + '(["\u2018\u201c')
    return not (len(word) >= 2 and word[0].isupper() and word in known)
