"""What any import leaves behind: every page answers, or nothing changed at all.

Role names and titles are drawn from many scripts, punctuation, emoji and
lengths past every limit. Whatever the importer accepts must leave the public
pages, the sitemap and the admin lists answering 200; whatever it refuses
(the dry run refusing exactly the same) must leave the content as it was.
"""

import json
from dataclasses import replace

import pytest
from django.contrib import admin
from django.core.cache import cache
from django.urls import reverse
from django.utils.text import slugify
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from pathways import queries
from pathways.exporting import export_json
from pathways.importing import ImportFailed, import_paths
from pathways.models import Pathway
from pathways.sourcetext import Hub, HubPathway, parse_file, render
from pathways.sourcetext import layout as L
from tests.support import FIXTURE, SOURCE_DIR

SEED_GUIDE = parse_file(SOURCE_DIR / "backend-developer-to-ai-project-manager.txt")
SEED_PATHWAY = json.loads(FIXTURE.read_text())["pathways"][0]

# Names the probes and editors have met, and their near neighbours.
KNOWN_NAMES = [
    "数据科学家",
    "データサイエンティスト",
    "데이터 과학자",
    "Инженер данных",
    "مهندس بيانات",
    "מהנדס נתונים",
    "डेटा वैज्ञानिक",
    "Ingénieur",
    "Ingenieur",
    "INGÉNIEUR",
    "Inge\u0301nieur",
    "C++ Developer",
    "C Developer",
    "C# Developer",
    "AI Project Manager",
    "Ai Project Manager",
    "!!!",
    "🚀",
    "🚀 Rocket Scientist",
    "Data Scientist 👩‍🔬",
    "\u337f",
    "\ufdfa Engineer",
    "_",
    "Sales to Tech",
    "AI/ML Engineer",
    "R&D <Lead>",
    "Ω",
    "x" * 121,
    "Data " * 30,
]
# Any printable text on one line: letters, marks, symbols, punctuation, spaces.
_PRINTABLE = st.characters(exclude_categories=("Cc", "Cs", "Co", "Cn", "Zl", "Zp"))
_known = st.sampled_from(KNOWN_NAMES)
_short = st.text(_PRINTABLE, min_size=1, max_size=40)
# Mostly names the importer can take, so that the pages get checked often.
names = st.one_of(_known, _known, _short, _short, st.text(_PRINTABLE, min_size=100, max_size=200))
names = names.map(str.strip)
titles = st.one_of(names, st.text(_PRINTABLE, max_size=400))


def _guide_page(from_role: str, to_role: str) -> str:
    guide = replace(
        SEED_GUIDE,
        from_role=from_role,
        to_role=to_role,
        title=L.guide_title(from_role, to_role, SEED_GUIDE.guide_months),
    )
    return render(guide)


def _hub_page(role: str, from_roles: list[str]) -> str:
    listed = tuple(
        HubPathway(name, role, L.guide_title(name, role, 6), 6, f"From {name}, with care.")
        for name in from_roles
    )
    return render(Hub(role, f"Ways into {role}.", f"What a {role} does.", listed))


def _export(from_role: str, to_role: str, title: str, slugs: tuple[str, str]) -> str:
    from_slug, to_slug = slugs
    roles = [
        {"slug": from_slug, "name": from_role, "description": None, "parent": None},
        {"slug": to_slug, "name": to_role, "description": None, "parent": None},
    ]
    pathway = SEED_PATHWAY | {
        "slug": f"{from_slug}-to-{to_slug}",
        "from_role": from_slug,
        "to_role": to_slug,
        "title": title,
    }
    return json.dumps({"schema": 1, "roles": roles, "hubs": [], "pathways": [pathway]})


@st.composite
def inputs(draw) -> tuple[str, str]:
    """A file name and its content: a guide, a hub or an export."""
    kind = draw(st.sampled_from(["guide", "hub", "export"]))
    first, second = draw(names), draw(names)
    if kind == "guide":
        return "guide.txt", _guide_page(first, second)
    if kind == "hub":
        return "hub.txt", _hub_page(first, [second, *draw(st.lists(names, max_size=2))])
    made = (slugify(first, allow_unicode=True), slugify(second, allow_unicode=True))
    slugs = draw(st.sampled_from([made, made, (first, second), (made[0], "")]))
    return "export.json", _export(first, second, draw(titles), slugs)


def snapshot() -> str:
    return json.dumps(export_json(), sort_keys=True)


def public_urls() -> list[str]:
    """Every public page the content makes, the sitemap and a search."""
    urls = ["/", "/search/?q=engineer", "/sitemap.xml"]
    urls += [f"/sitemap-{section}.xml" for section in ("home", "hubs", "guides")]
    urls += [pathway.get_absolute_url() for pathway in Pathway.objects.published()]
    urls += [role.get_absolute_url() for role in queries.hub_roles()]
    urls += [reverse("pathways:from_role", args=[role.slug]) for role in queries.starting_roles()]
    return urls


def admin_lists() -> list[str]:
    return [
        reverse(f"admin:{model._meta.app_label}_{model._meta.model_name}_changelist")
        for model in admin.site._registry
        if model._meta.app_label == "pathways"
    ]


@pytest.mark.django_db
@settings(
    max_examples=25,
    derandomize=True,
    database=None,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
@given(source=inputs())
def test_import_leaves_every_page_answering_or_changes_nothing(
    tmp_path, client, admin_client, source
):
    name, text = source
    path = tmp_path / name
    path.write_text(text)
    cache.clear()
    before = snapshot()

    outcomes = []
    for dry_run in (True, False):
        try:
            import_paths([path], dry_run=dry_run)
            outcomes.append("accepted")
        except ImportFailed as failure:
            outcomes.append(failure.errors)

    assert outcomes[0] == outcomes[1]
    if outcomes[1] != "accepted":
        assert snapshot() == before
        return
    for url in public_urls():
        assert client.get(url).status_code == 200, url
    for url in admin_lists():
        assert admin_client.get(url).status_code == 200, url
