"""What many tests share: where the shipped source pages are, a page's text, a setting
read in a fresh interpreter.

A plain module, not a conftest: tests import from here, never from each other.
"""

import html
import re
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SOURCE_DIR = ROOT / "fixtures" / "source"
FIXTURE = ROOT / "fixtures" / "pathways.json"

_TAG = re.compile(r"<[^>]+>")
_SCRIPT_OR_STYLE = re.compile(r"<(script|style)\b.*?</\1>", re.S)


def _visible(markup: str) -> str:
    """Markup to the text a reader sees: tags removed, entities decoded, spaces collapsed."""
    return " ".join(html.unescape(_TAG.sub(" ", markup)).split())


def page_text(response) -> str:
    """A response's visible text (scripts and styles left out)."""
    return _visible(_SCRIPT_OR_STYLE.sub(" ", response.content.decode()))


def headings(response, level: int) -> list[str]:
    """The visible text of every ``<hN>`` heading of ``level``, in page order."""
    found = re.findall(rf"<h{level}\b[^>]*>(.*?)</h{level}>", response.content.decode(), re.S)
    return [_visible(heading) for heading in found]


def settings_value(expression, **env):
    """Evaluate a settings expression in a fresh interpreter with a given environment."""
    code = (
        "import django, os; os.environ['DJANGO_SETTINGS_MODULE']='pathways_site.settings.base';"
        f"from django.conf import settings; print({expression})"
    )
    clean = {"PATH": "/usr/bin:/bin", **env}
    return subprocess.run(
        [sys.executable, "-c", code], cwd=ROOT, env=clean, capture_output=True, text=True
    )


def exported(slug: str) -> dict:
    """One pathway's record in the export document (``export_pathways``)."""
    from pathways.exporting import export_json

    return next(p for p in export_json()["pathways"] if p["slug"] == slug)
