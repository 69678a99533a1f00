"""Every shipped source page, imported and rendered: nothing of it is lost."""

import re
from pathlib import Path

import pytest
from django.contrib.staticfiles import finders

from pathways.models import Pathway
from pathways.sourcetext import parse_file
from pathways.sourcetext.records import PRIORITY_LABELS, Guide
from tests.support import SOURCE_DIR, page_text

GUIDE_FILES = sorted(p for p in SOURCE_DIR.glob("*.txt") if not p.name.startswith("hub-"))
BUDGET_BYTES = 60 * 1024


def flat(text: str) -> str:
    return " ".join(text.split())


def test_seed_guides_all_present():
    assert [path.name for path in GUIDE_FILES] == [
        "backend-developer-to-ai-engineering-manager.txt",
        "backend-developer-to-ai-platform-engineer.txt",
        "backend-developer-to-ai-project-manager.txt",
        "backend-developer-to-applied-ai-scientist.txt",
    ]


@pytest.mark.parametrize("path", GUIDE_FILES, ids=lambda p: p.stem)
def test_seed_guide_page_shows_every_part_of_the_source(seeded, client, path):
    guide = parse_file(path)
    assert isinstance(guide, Guide)
    pathway = Pathway.objects.get(title=guide.title)

    page = page_text(client.get(pathway.get_absolute_url()))

    expected = [
        guide.title,
        f"Difficulty {guide.difficulty}",
        f"Timeline {guide.timeline.text}",
        f"Salary change {guide.salary_change.text}",
        f"Demand {flat(guide.demand)}",
        *(flat(paragraph) for paragraph in guide.overview.split("\n\n")),
        *(f"{s.name} {flat(s.description)}" for s in guide.transferable_skills),
        *(
            f"{s.name} {PRIORITY_LABELS[s.priority]} "
            f"{s.weeks} week{'s' if s.weeks != 1 else ''} {flat(s.description)}"
            for s in guide.skills_to_learn
        ),
        *(
            f"{label} {' '.join(items)}"
            for label, items in [
                ("What you'll love", guide.love),
                ("What you might miss", guide.miss),
                ("Biggest challenges", guide.challenges),
                ("This week", guide.this_week),
                ("This month", guide.this_month),
                ("Next 90 days", guide.next_90_days),
            ]
        ),
        *(f"{faq.question} {flat(faq.answer)}" for faq in guide.faqs),
        "Ready to start your transition?",
    ]
    first_week = 1
    for number, phase in enumerate(guide.roadmap, start=1):
        last_week = first_week + phase.weeks - 1
        expected.append(
            f"Phase {number}: {phase.title} Weeks {first_week}\u2013{last_week} "
            f"({phase.weeks} weeks) Tasks {' '.join(phase.tasks)} "
            f"Resources {' '.join(phase.resources)}"
        )
        first_week = last_week + 1
    assert [part for part in expected if part not in page] == []


def test_seed_hub_lists_its_paths_and_the_role(seeded, client):
    hub = parse_file(SOURCE_DIR / "hub-product-manager.txt")

    response = client.get("/become/product-manager/")
    page = page_text(response)

    titles = re.findall(
        r'<li class="card">\s*<h3><a href="[^"]*">(.*?)</a>', response.content.decode()
    )
    assert titles == [p.title for p in hub.pathways]
    assert [
        part for part in (flat(hub.intro), flat(hub.role_description)) if part not in page
    ] == []


def test_seed_hub_only_paths_say_guide_not_written(seeded, client):
    pathway = Pathway.objects.get(slug="software-engineer-to-product-manager")

    page = page_text(client.get(pathway.get_absolute_url()))

    assert "The full guide for this path is not written yet." in page


def test_seed_largest_guide_html_and_css_within_budget(seeded, client):
    sizes = {
        p.slug: len(client.get(p.get_absolute_url()).content)
        for p in Pathway.objects.published().filter(has_guide=True)
    }
    css = Path(finders.find("css/site.css")).stat().st_size

    assert max(sizes.values()) + css < BUDGET_BYTES, (sizes, css)
