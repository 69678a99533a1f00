"""A reading position over the lines of a source page, and error helpers.

Blank lines separate paragraphs but carry no value, so most reads skip them;
every read remembers its 1-based line number for error messages.
"""

from .records import SourceError

_QUOTE_LIMIT = 60


def quote(line: str) -> str:
    """A line as shown inside an error message: quoted, long ones shortened."""
    if len(line) > _QUOTE_LIMIT:
        line = line[: _QUOTE_LIMIT - 1].rstrip() + "…"
    return f"'{line}'"


class Cursor:
    """The lines of one page and the position of the next one to read."""

    def __init__(self, path: str, text: str):
        self.path = path
        # Trailing whitespace (spaces, "\r" of CRLF files) is invisible, never part of a value.
        self.lines = [line.rstrip() for line in text.split("\n")]
        self.index = 0

    def peek(self) -> str | None:
        """The next non-blank line without reading it; None at the end."""
        lines, index = self.lines, self.index
        while index < len(lines) and not lines[index]:
            index += 1
        self.index = index
        return lines[index] if index < len(lines) else None

    @property
    def lineno(self) -> int:
        """The 1-based number of the line ``peek`` returns (call ``peek`` first)."""
        return self.index + 1

    def take(self) -> str:
        """Read the next non-blank line; the caller has checked there is one."""
        line = self.peek()
        assert line is not None
        self.index += 1
        return line

    def take_raw(self) -> str | None:
        """Read the next line, blank or not; None at the end."""
        if self.index >= len(self.lines):
            return None
        self.index += 1
        return self.lines[self.index - 1]

    def last_lineno(self) -> int:
        """The number of the last non-blank line (1 for a blank page)."""
        for index in range(len(self.lines) - 1, -1, -1):
            if self.lines[index]:
                return index + 1
        return 1

    def error(self, message: str, lineno: int | None = None) -> SourceError:
        """An error at ``lineno``, or at the line ``peek`` returned last."""
        return SourceError(self.path, self.lineno if lineno is None else lineno, message)

    def end_error(self, missing: str) -> SourceError:
        """The page stops before ``missing``; reported at its last line."""
        return SourceError(self.path, self.last_lineno(), f"unexpected end of file: {missing}")
