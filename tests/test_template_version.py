"""Stored guide and card HTML is told apart by ``TEMPLATE_VERSION``, moved on by hand.

This test keeps the hand honest: it records a digest of everything besides the
content that the stored HTML is made from (the guide and card templates, every
template they include, the code of every filter and tag they can load, the
code that renders Markdown and groups the guide's sections, the Markdown and
nh3 releases) and fails when that changes while the constant stays where it was.
"""

import hashlib
import inspect
import re
import sys
from importlib.metadata import version
from pathlib import Path

import markdown
from django.template import engines
from django.template.loader import get_template
from django.template.loader_tags import IncludeNode

from pathways import caching, sections
from pathways import markdown as pathways_markdown

LOAD = re.compile(r"{%\s*load\s+(.*?)\s*%}")

# One line per TEMPLATE_VERSION: add a line for a new one, never edit an old one.
RECORDED = {
    1: "5d8c31c70e06234f303d9968ee41e7d1c0ae0a1aad0a8c32e6238373e04bd825",
    2: "7c412f5c9f95ecefdd1d73fed22dd3ab22c43e85c196a99f3645f28e3f6e49dd",
}


def templates() -> list[str]:
    """The guide and card templates and every template they include, each once."""
    found, pending = [], [caching.GUIDE_TEMPLATE, caching.CARD_TEMPLATE]
    while pending:
        name = pending.pop(0)
        if name in found:
            continue
        found.append(name)
        for node in get_template(name).template.nodelist.get_nodes_by_type(IncludeNode):
            included = node.template.var  # a quoted name is a plain string
            assert isinstance(included, str), (
                f"{name} includes a template chosen at render time ({included}): "
                "this digest cannot cover it"
            )
            pending.append(included)
    return found


def _loaded_libraries() -> set[str]:
    """The tag libraries the guide, card and included templates ``{% load %}``."""
    names = set()
    for name in templates():
        for load in LOAD.findall(get_template(name).template.source):
            names.update(load.split())
    return names


def _site_modules_used_by(module) -> set[Path]:
    """The site's modules that ``module`` imports, models aside (content, not markup)."""
    used = set()
    for value in vars(module).values():
        home = getattr(value, "__module__", None) or getattr(value, "__name__", "")
        if isinstance(home, str) and home.startswith("pathways.") and ".models" not in home:
            used.add(Path(inspect.getsourcefile(sys.modules[home])))
    return used


def code() -> list[Path]:
    """The modules behind every filter and tag the templates load, and the site modules they call."""
    libraries = engines["django"].engine.template_libraries
    modules = {Path(pathways_markdown.__file__), Path(sections.__file__)}
    for name in _loaded_libraries():
        library = libraries[name]
        for function in [*library.filters.values(), *library.tags.values()]:
            modules.add(Path(inspect.getsourcefile(inspect.unwrap(function))))
    for module in list(modules):
        modules |= _site_modules_used_by(sys.modules[_dotted(module)])
    return sorted(module.resolve() for module in modules)


def _dotted(path: Path) -> str:
    package = Path(caching.__file__).resolve().parent
    return "pathways." + ".".join(path.resolve().relative_to(package).with_suffix("").parts)


def digest() -> str:
    made_from = hashlib.sha256()
    for name in templates():
        made_from.update(name.encode() + b"\0" + get_template(name).template.source.encode())
    for module in code():
        made_from.update(module.read_bytes())
    made_from.update(f"markdown {markdown.__version__}; nh3 {version('nh3')}".encode())
    return made_from.hexdigest()


def test_the_digest_covers_the_code_the_templates_call():
    package = Path(caching.__file__).resolve().parent
    assert [str(module.relative_to(package)) for module in code()] == [
        "charts.py",
        "excerpts.py",
        "markdown.py",
        "pace.py",
        "sections.py",
        "sourcetext/wording.py",
        "templatetags/card_tags.py",
        "templatetags/pace_tags.py",
        "templatetags/pathways_tags.py",
    ]


def test_the_digest_covers_the_templates_the_stored_html_includes():
    assert templates() == [
        "includes/guide_body.html",
        "includes/pathway_card.html",
        "includes/stats.html",
        "includes/skills_chart.html",
        "includes/roadmap_chart.html",
        "includes/guide_planner.html",
        "includes/labelled_lists.html",
    ]


def test_template_version_moves_with_what_the_stored_html_is_made_from():
    assert (caching.TEMPLATE_VERSION, digest()) == (max(RECORDED), RECORDED[max(RECORDED)]), (
        "templates changed: bump TEMPLATE_VERSION in pathways/caching.py and update this digest"
    )
