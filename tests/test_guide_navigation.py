"""The guide as a reader moves around it: contents, section ids, the roadmap and skills
pictures, the roadmap's weeks beside the timeline, related paths, unwritten paths,
the breadcrumb, the favicon and the page's weight."""

import re
import xml.etree.ElementTree as ET
from html.parser import HTMLParser

import pytest
from django.conf import settings
from django.contrib.staticfiles import finders

from pathways import caching
from pathways.models import Pathway, Skill
from tests.factories import make_full_guide, make_hub, make_pathway, make_role
from tests.support import page_text

pytestmark = pytest.mark.django_db

SVG = "{http://www.w3.org/2000/svg}"


class Anchors(HTMLParser):
    """Every element id, the contents' links, and the links inside headings."""

    def __init__(self):
        super().__init__()
        self.ids, self.contents, self.heading_links = [], [], []
        self._in_contents = self._in_heading = False

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if "id" in attrs:
            self.ids.append(attrs["id"])
        if tag == "nav" and attrs.get("aria-label") == "Contents":
            self._in_contents = True
        if tag in ("h2", "h3"):
            self._in_heading = True
        if tag == "a" and self._in_contents:
            self.contents.append(attrs["href"])
        if tag == "a" and self._in_heading and "aria-label" in attrs:
            self.heading_links.append((attrs["href"], attrs["aria-label"]))

    def handle_endtag(self, tag):
        if tag == "nav":
            self._in_contents = False
        if tag in ("h2", "h3"):
            self._in_heading = False


def anchors(response) -> Anchors:
    parser = Anchors()
    parser.feed(response.content.decode())
    return parser


def svg(response, title_id: str) -> ET.Element:
    """The inline SVG labelled by ``title_id``, parsed as XML."""
    html = response.content.decode()
    found = re.search(rf'<svg[^>]*aria-labelledby="{title_id}".*?</svg>', html, re.S)
    return ET.fromstring(
        found.group(0).replace("<svg ", '<svg xmlns="http://www.w3.org/2000/svg" ', 1)
    )


def test_contents_link_every_section_and_phase_each_id_once(client):
    pathway = make_full_guide(size=1)

    found = anchors(client.get(pathway.get_absolute_url()))

    assert found.contents == [
        "#overview",
        "#transferable-skills",
        "#skills-to-learn",
        "#roadmap",
        "#phase-1",
        "#phase-2",
        "#reality-check",
        "#action-plan",
        "#faq",
    ]
    assert [found.ids.count(href[1:]) for href in found.contents] == [1] * 9
    assert len(found.ids) == len(set(found.ids))


def test_section_headings_link_to_themselves(client):
    pathway = make_full_guide(size=1)

    found = anchors(client.get(pathway.get_absolute_url()))

    assert found.heading_links == [
        ("#overview", "Link to this section: Overview"),
        ("#transferable-skills", "Link to this section: Your transferable skills"),
        ("#skills-to-learn", "Link to this section: Skills you'll need to learn"),
        ("#roadmap", "Link to this section: Your learning roadmap"),
        ("#phase-1", "Link to this section: Phase 1"),
        ("#phase-2", "Link to this section: Phase 2"),
        ("#reality-check", "Link to this section: Reality check"),
        ("#action-plan", "Link to this section: Your action plan"),
        ("#faq", "Link to this section: Frequently asked questions"),
    ]


def test_long_sections_end_with_back_to_top(client):
    pathway = make_full_guide(size=1)

    html = client.get(pathway.get_absolute_url()).content.decode()

    ends = re.findall(
        r'<section id="([\w-]+)"(?:(?!</section>).)*?<a href="#top">Back to top</a>\s*</p>\s*</section>',
        html,
        re.S,
    )
    assert ends == ["roadmap", "action-plan", "faq"]
    assert html.count('id="top"') == 1


def test_roadmap_picture_draws_each_phase_over_its_weeks(client):
    pathway = make_full_guide(size=1)
    pathway.phases.filter(order=2).update(weeks=2)  # phases of 6 and 2 weeks: 8 in all
    make_full_guide(pathway, size=0)

    drawing = svg(client.get(pathway.get_absolute_url()), "roadmap-chart-title")

    bars = [(r.get("x"), r.get("width")) for r in drawing.iter(f"{SVG}rect")]
    # 400 units for 8 weeks: weeks 1-6 from 0, 50 units a week; weeks 7-8 from 300.
    assert bars == [("0", "300"), ("300", "100")]
    assert [t.text for t in drawing.iter(f"{SVG}text") if t.get("class") == "chart-label"] == [
        "Phase 1: Phase title 1",
        "Phase 2: Phase title 2",
    ]
    assert [t.text for t in drawing.iter(f"{SVG}text") if t.get("class") == "chart-tick"] == [
        "0",
        "2",
        "4",
        "6",
        "8 weeks",
    ]
    assert drawing.find(f"{SVG}title").text == (
        "Timeline of the roadmap: 2 phases over 8 weeks, "
        "one bar per phase from its first to its last week."
    )
    assert drawing.get("role") == "img"


def test_roadmap_picture_bars_match_the_listed_week_ranges_of_a_seed_guide(seeded, client):
    pathway = Pathway.objects.get(slug="backend-developer-to-ai-project-manager")
    weeks = list(pathway.phases.values_list("weeks", flat=True))
    total = sum(weeks)

    response = client.get(pathway.get_absolute_url())

    drawing = svg(response, "roadmap-chart-title")
    bars = [(float(r.get("x")), float(r.get("width"))) for r in drawing.iter(f"{SVG}rect")]
    listed = re.findall(r"Weeks? (\d+)(?:\u2013(\d+))?", page_text(response))
    ranges = [(int(first), int(last or first)) for first, last in listed]
    unit = float(drawing.get("viewBox").split()[2]) / total  # the drawing's width
    assert bars == [
        (round((first - 1) * unit, 2), round((last - first + 1) * unit, 2))
        for first, last in ranges
    ]
    assert len(bars) == len(weeks)


def test_skills_listed_and_drawn_critical_then_important_then_nice(client):
    pathway = make_pathway()
    priorities = ["nice_to_have", "critical", "important", "critical", "nice_to_have"]
    for order, priority in enumerate(priorities, start=1):
        Skill.objects.create(
            pathway=pathway, order=order, name=f"Skill {order}", priority=priority, weeks=order
        )

    response = client.get(pathway.get_absolute_url())

    html = response.content.decode()
    section = html[
        html.index('id="skills-to-learn"') : html.index(
            "</section>", html.index('id="skills-to-learn"')
        )
    ]
    assert re.findall(r"<h3>(.*?)</h3>", section) == [
        "Skill 2",
        "Skill 4",
        "Skill 3",
        "Skill 1",
        "Skill 5",
    ]
    drawing = svg(response, "skills-chart-title")
    assert [(r.get("class"), r.get("width")) for r in drawing.iter(f"{SVG}rect")] == [
        ("chart-bar chart-bar-critical", "160"),
        ("chart-bar chart-bar-critical", "320"),
        ("chart-bar chart-bar-important", "240"),
        ("chart-bar chart-bar-nice_to_have", "80"),
        ("chart-bar chart-bar-nice_to_have", "400"),
    ]


def test_roadmap_weeks_shown_beside_the_stated_timeline(seeded, client):
    pathway = Pathway.objects.get(slug="backend-developer-to-ai-project-manager")
    total = sum(pathway.phases.values_list("weeks", flat=True))

    text = page_text(client.get(pathway.get_absolute_url()))

    assert f"Timeline {pathway.timeline_text} Roadmap {total} weeks" in text
    assert (pathway.timeline_text, total) == ("6-9 months", 32)


def test_unwritten_path_has_only_its_sections_and_links_written_guides_nearby(client):
    start, target = make_role("Nurse"), make_role("Data Analyst")
    unwritten = make_pathway(start, target, has_guide=False, title="Nurse to Data Analyst")
    into = make_full_guide(
        make_pathway(make_role("Teacher"), target, title="Teacher to Data Analyst")
    )
    make_pathway(make_role("Chef"), target, has_guide=False, title="Chef to Data Analyst")
    starting = make_full_guide(
        make_pathway(start, make_role("Researcher"), title="Nurse to Researcher")
    )

    response = client.get(unwritten.get_absolute_url())

    html = response.content.decode()
    notice = html[
        html.index('<div class="notice" role="note">') : html.index(
            "</div>", html.index('<div class="notice" role="note">')
        )
    ]
    assert re.findall(r'<a href="([^"]+)">', notice) == [
        into.get_absolute_url(),
        starting.get_absolute_url(),
    ]
    assert 'aria-label="Contents"' not in html  # an overview alone needs no contents
    assert anchors(response).heading_links == [
        ("#overview", "Link to this section: Overview"),
        ("#related-paths", "Link to this section: Related paths"),
    ]
    assert "plan above" not in page_text(response)


def test_unwritten_path_with_no_written_guide_nearby_says_so(client):
    unwritten = make_pathway(make_role("Nurse"), make_role("Pilot"), has_guide=False)

    text = page_text(client.get(unwritten.get_absolute_url()))

    assert (
        "No written guide leads to Pilot or starts from Nurse yet: search the written guides"
        in text
    )


def related_lists(response) -> dict[str, list[str]]:
    html = response.content.decode()
    section = html[html.index('id="related-paths"') :]
    section = section[: section.index("</section>")]
    return {
        heading: re.findall(r'<a href="[^"]+">([^<]+)</a>', items)
        for heading, items in re.findall(r"<h3>(.*?)</h3>\s*<ul>(.*?)</ul>", section, re.S)
    }


def test_related_paths_into_the_role_and_from_the_start(client):
    start, target = make_role("Nurse"), make_role("Data Analyst")
    guide = make_full_guide(make_pathway(start, target))
    make_pathway(make_role("Teacher"), target, title="Teacher to Data Analyst", has_guide=False)
    make_pathway(make_role("Chef"), target, title="Chef to Data Analyst")
    make_pathway(start, make_role("Researcher"), title="Nurse to Researcher")
    make_pathway(start, make_role("Pilot"), title="Nurse to Pilot", status=Pathway.Status.DRAFT)
    listed = make_pathway(make_role("Actor"), make_role("BI Analyst"), title="Actor to BI Analyst")
    make_hub(target, listed)  # on the hub, so into the role as the hub page has it
    make_pathway(make_role("Baker"), make_role("Cook"), title="Baker to Cook")

    lists = related_lists(client.get(guide.get_absolute_url()))

    # Written guides first, then by title; drafts and unrelated paths left out.
    assert lists == {
        "Other paths into Data Analyst": [
            "Actor to BI Analyst",
            "Chef to Data Analyst",
            "Teacher to Data Analyst",
        ],
        "Other paths from Nurse": ["Nurse to Researcher"],
    }


@pytest.mark.parametrize("size", [1, 3])
def test_related_paths_take_one_query_whatever_their_number(
    client, django_assert_num_queries, size
):
    start, target = make_role("Nurse"), make_role("Data Analyst")
    guide = make_full_guide(make_pathway(start, target))
    for n in range(size * 3):
        make_pathway(make_role(), target, title=f"Into {n:02}")
        make_pathway(start, make_role(), title=f"From {n:02}")
    caching.store_outdated_html()
    caching.content_version()

    with django_assert_num_queries(2):  # the pathway with its stored body, related paths
        response = client.get(guide.get_absolute_url())

    shown = min(size * 3, 4)
    lists = related_lists(response)
    assert lists == {
        "Other paths into Data Analyst": [f"Into {n:02}" for n in range(shown)],
        "Other paths from Nurse": [f"From {n:02}" for n in range(shown)],
    }


def test_related_paths_show_another_guide_edited_since(client):
    start, target = make_role("Nurse"), make_role("Data Analyst")
    guide = make_full_guide(make_pathway(start, target))
    other = make_pathway(make_role("Chef"), target, title="Chef to Data Analyst")
    client.get(guide.get_absolute_url())

    other.title = "Chef to Data Analyst, rewritten"
    other.save()

    lists = related_lists(client.get(guide.get_absolute_url()))
    assert lists["Other paths into Data Analyst"] == ["Chef to Data Analyst, rewritten"]


def test_last_breadcrumb_is_short_plain_text(client):
    guide = make_full_guide(size=1)

    html = client.get(guide.get_absolute_url()).content.decode()

    crumbs = html[
        html.index('aria-label="Breadcrumb"') : html.index(
            "</nav>", html.index('aria-label="Breadcrumb"')
        )
    ]
    assert re.findall(r"<li[^>]*>(.*?)</li>", crumbs)[-1] == "This guide"
    assert '<li aria-current="page">This guide</li>' in crumbs
    assert f'"name":"{guide.title}"' in html  # the structured data keeps the full title


def test_favicon_linked_and_favicon_ico_answered(client):
    response = client.get("/favicon.ico")

    assert (response.status_code, response["Location"]) == (302, "/static/favicon.svg")
    assert finders.find("favicon.svg")
    assert (
        '<link rel="icon" href="/static/favicon.svg" type="image/svg+xml">'
        in client.get("/").content.decode()
    )


def test_largest_seed_guide_with_its_css_and_js_under_60_kb(seeded, client):
    static = settings.BASE_DIR / "static"
    pages = [client.get(p.get_absolute_url()).content for p in Pathway.objects.published()]
    assets = sum(len(f.read_bytes()) for f in [*static.glob("css/*.css"), *static.glob("js/*.js")])

    assert max(map(len, pages)) + assets < 60_000
