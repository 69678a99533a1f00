"""Entry points: read a source page (bytes or text) into a Guide or a Hub.

The first non-blank line decides the layout: "Career Pathway…" starts a
guide, "How to Become a …" a hub. Anything that cannot be read raises
``SourceError`` naming the file and the 1-based line.
"""

import os
from collections.abc import Iterable

from . import layout as L
from .cursor import Cursor, quote
from .guide import parse_guide
from .hub import parse_hub
from .records import Guide, Hub, SourceError

MAX_BYTES = 1024 * 1024


def parse_file(path: str | os.PathLike, *, known_names: Iterable[str] = ()) -> Guide | Hub:
    """Parse the source page at ``path`` (UTF-8, at most 1 MiB).

    ``known_names`` are extra names (beyond the shipped lexicon) that must not
    be split when separating run-together resources.
    """
    name = os.fspath(path)
    try:
        with open(path, "rb") as file:
            size = os.fstat(file.fileno()).st_size
            if size > MAX_BYTES:
                raise SourceError(name, 1, _too_large(size))
            data = file.read(MAX_BYTES + 1)
    except OSError as error:
        raise SourceError(name, 1, f"cannot read the file: {error.strerror or error}") from None
    if len(data) > MAX_BYTES:  # the file grew, or its size is not known in advance
        raise SourceError(name, 1, _too_large(len(data)))
    return parse_text(_decode(data, name), name, known_names=known_names)


def parse_text(
    text: str, path: str | os.PathLike = "<text>", *, known_names: Iterable[str] = ()
) -> Guide | Hub:
    """Parse a source page given as text; ``path`` only names it in errors."""
    name = os.fspath(path)
    if len(text) > MAX_BYTES:
        raise SourceError(name, 1, _too_large(len(text.encode("utf-8", "surrogatepass"))))
    if (nul := text.find("\0")) != -1:
        raise SourceError(name, text.count("\n", 0, nul) + 1, _BINARY)
    cursor = Cursor(name, text.removeprefix("\ufeff"))
    first = cursor.peek()
    if first is None:
        raise SourceError(name, 1, "empty file")
    if first.startswith("Career Pathway"):
        return parse_guide(cursor, known_names)
    if L.HUB_TITLE.fullmatch(first):
        return parse_hub(cursor)
    raise cursor.error(
        "unknown layout: expected a guide ('Career Pathway…') or a hub "
        f"('How to Become a <Role>'), found {quote(first)}"
    )


_BINARY = "binary content (NUL byte); expected UTF-8 text"


def _too_large(size: int) -> str:
    return f"file is too large ({size:,} bytes; the limit is 1 MiB)"


def _decode(data: bytes, name: str) -> str:
    """UTF-8 text, or an error at the line holding the first bad byte."""
    if (nul := data.find(b"\0")) != -1:
        raise SourceError(name, data.count(b"\n", 0, nul) + 1, _BINARY)
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError as error:
        line = data.count(b"\n", 0, error.start) + 1
        byte = data[error.start]
        raise SourceError(name, line, f"not UTF-8 text: invalid byte 0x{byte:02x}") from None
