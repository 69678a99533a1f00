"""Writing records back as source pages: the shipped pages come back as they are."""

from dataclasses import replace

import pytest

from pathways.sourcetext import Hub, parse_file, parse_text, render
from tests.support import SOURCE_DIR

from .pages import HUB_FILE, PROJECT_MANAGER_FILE, seed_text

SEEDS = sorted(SOURCE_DIR.glob("*.txt"))
GUIDE_SEEDS = [path for path in SEEDS if not path.name.startswith("hub-")]


def test_render_hub_seed_reproduces_the_file_byte_for_byte():
    assert render(parse_file(HUB_FILE)) == seed_text(HUB_FILE)


@pytest.mark.parametrize("path", GUIDE_SEEDS, ids=[path.stem for path in GUIDE_SEEDS])
def test_render_guide_seed_reproduces_the_file_with_resources_as_bullets(path):
    guide = parse_file(path)
    lines = seed_text(path).split("\n")
    lines[2] = guide.to_role  # breadcrumbs are written with the title's spelling
    resource_lines = [index + 1 for index, line in enumerate(lines) if line == "Resources"]
    for index, phase in zip(reversed(resource_lines), reversed(guide.roadmap), strict=True):
        lines[index : index + 1] = ["  \u2022 " + resource for resource in phase.resources]

    assert render(guide) == "\n".join(lines)


@pytest.mark.parametrize("path", SEEDS, ids=[path.stem for path in SEEDS])
def test_parse_text_rendered_seed_gives_the_same_record(path):
    record = parse_file(path)

    assert parse_text(render(record), "rendered.txt") == record


def test_render_guide_without_months_or_views_round_trips():
    guide = replace(parse_file(PROJECT_MANAGER_FILE), views=None, guide_months=None)
    guide = replace(guide, title="From Backend Developer to AI Project Manager: Transition Guide")
    text = render(guide)

    assert text.startswith("Career Pathway\nBackend Developer\nAI Project Manager\n\n")
    assert parse_text(text, "x") == guide


def test_render_empty_hub_round_trips():
    hub = Hub("UX Designer", "Discover paths.", "UX Designers design.", ())

    assert parse_text(render(hub), "x") == hub
    assert render(hub).split("\n")[:5] == [
        "How to Become a UX Designer",
        "Discover paths.",
        "Target Career: UX Designer",
        "UX Designers design.",
        "Transition Paths from Different Backgrounds (0)",
    ]
