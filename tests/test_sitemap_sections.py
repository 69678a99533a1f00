"""The sitemap: an index of sections with their latest change, each section split into files."""

import re
from datetime import UTC, datetime

from pathways.models import Pathway, Role
from pathways.sitemaps import URLS_PER_FILE
from tests.factories import make_pathway, make_role

SITEMAP_ENTRY = re.compile(r"<sitemap><loc>(.*?)</loc><lastmod>(.*?)</lastmod></sitemap>")


def test_index_names_each_section_with_its_latest_change(db, client):
    earlier = datetime(2026, 1, 5, 12, 0, tzinfo=UTC)
    later = datetime(2026, 3, 1, 9, 30, tzinfo=UTC)
    first = make_pathway(make_role("Dev"), make_role("Lead"))
    second = make_pathway(make_role("Tester"), make_role("Manager"))
    Pathway.objects.filter(pk=first.pk).update(updated_at=earlier)
    Pathway.objects.filter(pk=second.pk).update(updated_at=later)
    Role.objects.update(updated_at=earlier)

    response = client.get("/sitemap.xml")

    assert response.status_code == 200
    assert SITEMAP_ENTRY.findall(response.text) == [
        ("http://testserver/sitemap-home.xml", "2026-03-01T09:30:00+00:00"),
        ("http://testserver/sitemap-hubs.xml", "2026-01-05T12:00:00+00:00"),
        ("http://testserver/sitemap-guides.xml", "2026-03-01T09:30:00+00:00"),
    ]


def test_section_lists_its_addresses_with_lastmod(db, client):
    pathway = make_pathway(make_role("Dev"), make_role("Lead"))
    when = datetime(2026, 2, 2, 8, 0, tzinfo=UTC)
    Pathway.objects.filter(pk=pathway.pk).update(updated_at=when)

    response = client.get("/sitemap-guides.xml")

    assert re.findall(r"<loc>(.*?)</loc><lastmod>(.*?)</lastmod>", response.text) == [
        ("http://testserver/pathways/dev-to-lead/", "2026-02-02")
    ]


def test_a_large_section_is_split_into_files_the_index_lists(db, client):
    lead = make_role("Lead")
    starts = Role.objects.bulk_create(
        Role(slug=f"start-{n}", name=f"Start {n}") for n in range(URLS_PER_FILE + 1)
    )
    Pathway.objects.bulk_create(
        Pathway(
            slug=f"guide-{n:05}",
            title=f"Guide {n}",
            from_role=start,
            to_role=lead,
            status=Pathway.Status.PUBLISHED,
        )
        for n, start in enumerate(starts)
    )

    index = client.get("/sitemap.xml").text
    last_file = client.get("/sitemap-guides.xml", {"p": 2}).text

    assert [loc for loc, _ in SITEMAP_ENTRY.findall(index)] == [
        "http://testserver/sitemap-home.xml",
        "http://testserver/sitemap-hubs.xml",
        "http://testserver/sitemap-guides.xml",
        "http://testserver/sitemap-guides.xml?p=2",
    ]
    assert re.findall(r"<loc>(.*?)</loc>", last_file) == [
        f"http://testserver/pathways/guide-{URLS_PER_FILE:05}/"
    ]
    assert client.get("/sitemap-guides.xml", {"p": 3}).status_code == 404
    assert client.get("/sitemap-nothing.xml").status_code == 404
