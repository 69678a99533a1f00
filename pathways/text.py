"""Plain-text helpers shared by the admin and migrations."""


def normalise_line_endings(text: str) -> str:
    """``text`` with Windows ("\r\n") and old Mac ("\r") line endings made "\n"."""
    return text.replace("\r\n", "\n").replace("\r", "\n")
