"""A card's excerpt: the first sentence or two of an overview, as plain text."""

import re
from html import unescape

from django.utils.html import strip_tags

from . import markdown

EXCERPT_CHARACTERS = 200
ELLIPSIS = "\u2026"
# A sentence ends at . ! or ? (perhaps inside a closing quote or bracket) before a
# space, or at a full-width stop, which needs none.
_SENTENCE_END = re.compile(r"[.!?][\"'\u2019\u201d)\]]*(?=\s)|[\u3002\uff01\uff1f]")


def plain_text(text: str) -> str:
    """Markdown as the words a reader sees: no markup, one space between words."""
    return " ".join(unescape(strip_tags(markdown.render(text or ""))).split())


def excerpt(text: str, limit: int = EXCERPT_CHARACTERS) -> str:
    """The whole sentences of ``text`` (Markdown) that fit in ``limit`` characters.

    When even the first sentence is longer, it is cut at the last word that
    fits and ends with an ellipsis; a single word longer than the limit is cut
    inside it.
    """
    words = plain_text(text)
    if len(words) <= limit:
        return words
    ends = [end.end() for end in _SENTENCE_END.finditer(words, 0, limit + 1)]
    if ends:
        return words[: ends[-1]]
    cut = words[:limit]
    if words[limit] != " ":  # the cut is inside a word: leave that word out
        cut = cut[: cut.rfind(" ")] if " " in cut.strip() else cut
    return cut.rstrip(" ,;:\u2013\u2014-") + ELLIPSIS
