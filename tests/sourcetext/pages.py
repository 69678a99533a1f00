"""The shipped source pages the parser tests start from, and the refusal a bad page gets."""

from pathlib import Path

import pytest

from pathways.sourcetext import SourceError, parse_text
from tests.support import SOURCE_DIR

PROJECT_MANAGER_FILE = SOURCE_DIR / "backend-developer-to-ai-project-manager.txt"
HUB_FILE = SOURCE_DIR / "hub-product-manager.txt"


def seed_text(path: Path = PROJECT_MANAGER_FILE) -> str:
    return path.read_text("utf-8")


def error_of(text: str, path: str = "guide.txt", **kwargs) -> str:
    """The message of the ``SourceError`` that parsing ``text`` raises."""
    with pytest.raises(SourceError) as caught:
        parse_text(text, path, **kwargs)
    return str(caught.value)
