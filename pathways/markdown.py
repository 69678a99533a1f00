"""Markdown from editors and imports, rendered to HTML that is safe to show.

Content is Markdown written in the admin or imported from source pages. It is
rendered with the ``markdown`` package and then cleaned with an nh3 allow-list,
so scripts, event handlers, inline styles and ``javascript:`` links never reach
a page, whatever an editor types.
"""

import re
import threading
from functools import lru_cache

import markdown as markdown_lib
import nh3

ALLOWED_TAGS = {
    "a",
    "abbr",
    "blockquote",
    "br",
    "code",
    "em",
    "h3",
    "h4",
    "h5",
    "h6",
    "hr",
    "img",
    "li",
    "ol",
    "p",
    "pre",
    "strong",
    "ul",
}
ALLOWED_ATTRIBUTES = {
    "a": {"href", "title"},
    "abbr": {"title"},
    "img": {"src", "alt", "title"},
    "ol": {"start"},
}
URL_SCHEMES = {"http", "https", "mailto"}

# Content sits under the page's own h1 and section h2s, so its headings start at h3.
_HEADING = re.compile(r"<(/?)h([1-6])\b", re.IGNORECASE)


def _demote_heading(match: re.Match) -> str:
    level = min(int(match.group(2)) + 2, 6)
    return f"<{match.group(1)}h{level}"


class _Converters(threading.local):
    """One converter per thread: building one costs more than converting a paragraph,
    and a converter keeps state while it converts, so threads cannot share one."""

    def __init__(self):
        self.converter = markdown_lib.Markdown(extensions=["sane_lists"], output_format="html")


_converters = _Converters()


# A paragraph Markdown would only wrap in <p>: one line, starting with no block
# marker (heading, quote, list, code indent) and holding no character that can
# start inline markup or an entity. Most fields are one or more such paragraphs.
_NOT_PLAIN = re.compile(r"[\\`*_\[\]<>&\x00-\x1f\x7f]|[^\S ]|^(?:[ #>+=-]|\d+\.)| $")


def plain_paragraphs(text: str) -> list[str] | None:
    """The paragraphs of ``text`` if it is nothing but plain paragraphs
    separated by one blank line; otherwise None."""
    paragraphs = text.split("\n\n")
    if all(paragraph and not _NOT_PLAIN.search(paragraph) for paragraph in paragraphs):
        return paragraphs
    return None


def convert(text: str) -> str:
    """Markdown to HTML with the converter, not yet sanitized."""
    html = _converters.converter.reset().convert(text)
    return _HEADING.sub(_demote_heading, html)


def to_html(text: str) -> str:
    """Markdown to HTML, not yet sanitized."""
    if (paragraphs := plain_paragraphs(text)) is not None:
        # What ``convert`` gives, at a fifth of its cost. It stays while it pays:
        # 56 of the 57 Markdown texts in fixtures/pathways.json take it; with it,
        # rendering them all takes 1.5 ms instead of 8.0 ms, and a seed guide body
        # 1.9 ms instead of 3.7 ms with the Markdown cache cold (medians of 15).
        return "\n".join(f"<p>{paragraph}</p>" for paragraph in paragraphs)
    return convert(text)


# A pure function of the text, and most of the cost of rendering a page:
# remember recent results so re-rendering unchanged content is cheap.
@lru_cache(maxsize=4096)
def render(text: str) -> str:
    """Render Markdown to sanitized HTML; empty text gives an empty string."""
    if not text or not text.strip():
        return ""
    html = to_html(text)
    clean = nh3.clean(
        html,
        tags=ALLOWED_TAGS,
        clean_content_tags={"script", "style", "iframe", "object", "template", "noscript"},
        attributes=ALLOWED_ATTRIBUTES,
        url_schemes=URL_SCHEMES,
        link_rel="noopener noreferrer nofollow",
    )
    return clean.strip()
