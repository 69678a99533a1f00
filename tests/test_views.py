"""The public pages: what they show, what they 404 on, caching and query counts."""

import json
import re

import pytest
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Permission
from django.urls import reverse

from pathways import caching
from pathways.models import Pathway
from tests.factories import make_full_guide, make_hub, make_pathway, make_role
from tests.support import headings, page_text

pytestmark = pytest.mark.django_db


def json_ld(response) -> list[dict]:
    blocks = re.findall(
        r'<script type="application/ld\+json">(.*?)</script>', response.content.decode(), re.S
    )
    return [json.loads(block) for block in blocks]


@pytest.fixture
def guide():
    backend = make_role("Backend Developer")
    pm = make_role("Product Manager", description="Product Managers guide products.")
    return make_full_guide(from_role=backend, to_role=pm, size=1, views=0)


# Guide page


def test_guide_shows_every_section_in_order(client, guide):
    response = client.get(guide.get_absolute_url())

    assert response.status_code == 200
    assert headings(response, 2) == [
        "At a glance",
        "Overview",
        "Your transferable skills",
        "Skills you'll need to learn",
        "Your learning roadmap",
        "Reality check",
        "Your action plan",
        "Frequently asked questions",
        "Ready to start your transition?",
    ]


def test_guide_shows_every_item_of_every_section(client):
    pathway = make_full_guide(size=2)

    page = page_text(client.get(pathway.get_absolute_url()))

    expected = [
        "Difficulty Moderate",
        "Timeline 6-9 months",
        "Salary change +15%",
        "Demand High demand across many sectors.",
        "First paragraph of the overview.",
        "Second paragraph of the overview.",
        "Transferable 1 Why 1 helps.",
        "Transferable 2 Why 2 helps.",
        "Skill 1 Important 2 weeks Learn skill 1.",
        "Skill 2 Nice to have 3 weeks Learn skill 2.",
        "What you'll love What you'll love 1 What you'll love 2",
        "What you might miss What you might miss 1 What you might miss 2",
        "Biggest challenges Biggest challenges 1 Biggest challenges 2",
        "This week This week 1 This week 2",
        "This month This month 1 This month 2",
        "Next 90 days Next 90 days 1 Next 90 days 2",
        "Question 1? Answer 1.",
        "Question 2? Answer 2.",
    ]
    for n, first in zip(range(1, 5), (1, 7, 13, 19), strict=True):
        expected.append(
            f"Phase {n}: Phase title {n} Weeks {first}\u2013{first + 5} (6 weeks) "
            f"Tasks Task {n}.1 Task {n}.2 Resources Resource {n}.1 Resource {n}.2"
        )
    assert [part for part in expected if part not in page] == []


def test_guide_roadmap_phases_are_numbered_list_items_with_headings(client):
    pathway = make_full_guide(size=1)

    response = client.get(pathway.get_absolute_url())

    assert re.findall(
        r'<ol class="roadmap">\s*<li class="phase">\s*<h3>', response.content.decode()
    )
    assert headings(response, 3)[2:4] == ["Phase 1: Phase title 1", "Phase 2: Phase title 2"]


def test_guide_faqs_are_details_elements(client, guide):
    response = client.get(guide.get_absolute_url())

    assert re.findall(
        r"<details class=\"faq\">\s*<summary>(.*?)</summary>", response.content.decode()
    ) == ["Question 1?"]


def test_guide_has_one_h1_title_meta_canonical_and_og(client, guide):
    response = client.get(guide.get_absolute_url())
    html = response.content.decode()
    url = f"http://testserver{guide.get_absolute_url()}"
    description = (
        "How to move from Backend Developer to Product Manager: skills, roadmap, "
        "salary change and what to expect."
    )

    assert headings(response, 1) == [guide.title]
    assert re.findall(r"<title>(.*?)</title>", html) == [guide.title]
    assert re.findall(r'<link rel="canonical" href="(.*?)">', html) == [url]
    assert re.findall(r'<meta property="og:(\w+)" content="(.*?)">', html) == [
        ("url", url),
        ("type", "article"),
        ("site_name", "Pathways"),
        ("title", guide.title),
        ("description", description),
        ("locale", "en_US"),
        ("image", f"http://testserver/pathways/{guide.slug}/share-{guide.version}.png"),
    ]
    assert re.findall(r'<meta name="description" content="(.*?)">', html) == [description]


def test_guide_json_ld_breadcrumbs_and_occupation(client, guide):
    response = client.get(guide.get_absolute_url())

    assert json_ld(response) == [
        {
            "@context": "https://schema.org",
            "@type": "BreadcrumbList",
            "itemListElement": [
                {"@type": "ListItem", "position": 1, "name": "Home", "item": "http://testserver/"},
                {
                    "@type": "ListItem",
                    "position": 2,
                    "name": "How to Become a Product Manager",
                    "item": "http://testserver/become/product-manager/",
                },
                {
                    "@type": "ListItem",
                    "position": 3,
                    "name": guide.title,
                    "item": f"http://testserver{guide.get_absolute_url()}",
                },
            ],
        },
        {
            "@context": "https://schema.org",
            "@type": "Occupation",
            "name": "Product Manager",
            "url": "http://testserver/become/product-manager/",
            "description": "Product Managers guide products.",
        },
    ]


def test_guide_json_ld_cannot_close_its_element(client):
    pathway = make_pathway(to_role=make_role("Evil </script><script>x()</script>", slug="evil"))

    html = client.get(pathway.get_absolute_url()).content.decode()

    assert html.count("</script>") == 4  # site.js, progress.js and two JSON-LD blocks
    assert "\\u003C/script\\u003E" in html


def test_guide_markdown_is_sanitized(client):
    pathway = make_pathway(
        overview='Hi <script>alert(1)</script> [x](javascript:alert(2)) <b onclick="y()">b</b>'
    )

    html = client.get(pathway.get_absolute_url()).content.decode()

    assert ("alert(" in html, "onclick" in html, "javascript:" in html) == (False, False, False)


def test_guide_hub_only_pathway_says_the_guide_is_not_written(client):
    pathway = make_pathway(has_guide=False, overview="What the hub says about this path.")

    response = client.get(pathway.get_absolute_url())
    page = page_text(response)

    assert "The full guide for this path is not written yet." in page
    assert "What the hub says about this path." in page
    assert headings(response, 2) == ["At a glance", "Overview", "Ready to start your transition?"]


@pytest.mark.parametrize(("views", "label"), [(0, "0 views"), (1, "1 view"), (1234, "1,234 views")])
def test_guide_shows_view_count(client, views, label):
    pathway = make_pathway(views=views)

    html = client.get(pathway.get_absolute_url()).content.decode()

    assert re.findall(r"<span data-view-count>(.*?)</span>", html) == [label]


def test_guide_counts_views_with_beacon_and_noscript_image(client, guide):
    html = client.get(guide.get_absolute_url()).content.decode()
    count_url = reverse("pathways:count_view", args=[guide.slug])

    assert re.findall(r'data-view-url="(.*?)"', html) == [count_url]
    assert re.findall(r'<noscript><img class="beacon" src="(.*?)" alt=""', html) == [count_url]


def test_guide_unknown_slug_404(client):
    response = client.get("/pathways/no-such-guide/")

    assert (response.status_code, headings(response, 1)) == (404, ["Page not found"])


def test_guide_draft_404_for_visitors(client):
    draft = make_pathway(status=Pathway.Status.DRAFT)

    assert client.get(draft.get_absolute_url()).status_code == 404


def test_guide_draft_previewed_by_staff_privately(client):
    draft = make_full_guide(status=Pathway.Status.DRAFT)
    staff = get_user_model().objects.create_user("editor", password="x", is_staff=True)
    staff.user_permissions.add(Permission.objects.get(codename="view_pathway"))
    client.force_login(staff)

    response = client.get(draft.get_absolute_url())

    assert response.status_code == 200
    assert response["Cache-Control"] == "private, no-store"
    assert "ETag" not in response
    assert "Draft preview." in page_text(response)


def test_guide_draft_preview_never_cached_for_visitors(client):
    draft = make_full_guide(status=Pathway.Status.DRAFT)
    staff = get_user_model().objects.create_user("editor", password="x", is_staff=True)
    staff.user_permissions.add(Permission.objects.get(codename="view_pathway"))
    client.force_login(staff)
    client.get(draft.get_absolute_url())
    client.logout()

    assert client.get(draft.get_absolute_url()).status_code == 404


# Caching


def test_page_is_public_cacheable_with_etag(client, guide, settings):
    response = client.get(guide.get_absolute_url())

    assert response["Cache-Control"] == (
        f"public, max-age=0, must-revalidate, s-maxage={settings.PAGE_CACHE_SECONDS}"
    )
    assert re.fullmatch(r'"[0-9a-f]{32}"', response["ETag"])


# A page cached in this process, or answered 304, costs no query: the content
# version was read moments ago (pathways.caching).


def test_page_conditional_get_304_costs_no_queries(client, guide, django_assert_num_queries):
    etag = client.get(guide.get_absolute_url())["ETag"]

    with django_assert_num_queries(0):
        response = client.get(guide.get_absolute_url(), headers={"If-None-Match": etag})

    assert (response.status_code, response["ETag"], response.content) == (304, etag, b"")


def test_page_cached_hit_costs_no_queries(client, guide, django_assert_num_queries):
    first = client.get(guide.get_absolute_url())

    with django_assert_num_queries(0):
        second = client.get(guide.get_absolute_url())

    assert (second.status_code, second.content, second["ETag"]) == (
        200,
        first.content,
        first["ETag"],
    )


def test_page_cached_hit_with_shared_cache_costs_no_queries(
    client, guide, settings, tmp_path, django_assert_num_queries
):
    settings.CACHES = {
        "default": {
            "BACKEND": "django.core.cache.backends.filebased.FileBasedCache",
            "LOCATION": str(tmp_path),
        }
    }
    first = client.get(guide.get_absolute_url())

    with django_assert_num_queries(0):
        second = client.get(guide.get_absolute_url(), headers={"If-None-Match": '"stale"'})
        not_modified = client.get(
            guide.get_absolute_url(), headers={"If-None-Match": first["ETag"]}
        )

    assert (second.status_code, second.content) == (200, first.content)
    assert not_modified.status_code == 304


def test_page_shared_cache_edit_retires_cached_page(client, guide, settings, tmp_path):
    settings.CACHES = {
        "default": {
            "BACKEND": "django.core.cache.backends.filebased.FileBasedCache",
            "LOCATION": str(tmp_path),
        }
    }
    client.get(guide.get_absolute_url())
    guide.title = "Edited with a shared cache"
    guide.save()

    assert headings(client.get(guide.get_absolute_url()), 1) == ["Edited with a shared cache"]


def test_page_content_change_retires_cache_and_etag(client, guide):
    first = client.get(guide.get_absolute_url())
    guide.title = "A new title"
    guide.save()

    second = client.get(guide.get_absolute_url(), headers={"If-None-Match": first["ETag"]})

    assert second.status_code == 200
    assert second["ETag"] != first["ETag"]
    assert headings(second, 1) == ["A new title"]


def test_page_content_version_bump_retires_cached_pages(client, guide):
    client.get(guide.get_absolute_url())
    Pathway.objects.filter(pk=guide.pk).update(title="Changed in bulk")
    caching.move_content_version_on()

    assert headings(client.get(guide.get_absolute_url()), 1) == ["Changed in bulk"]


def test_page_different_query_strings_cached_apart(client, guide):
    make_hub(guide.to_role)
    client.get("/become/product-manager/?from=nobody")

    response = client.get("/become/product-manager/")

    assert "1 path" in page_text(response)


# Query counts: fixed whatever the amount of content. Each test reads the
# content version first, as a serving process has done within the last second.


@pytest.mark.parametrize("size", [1, 3])
def test_guide_query_count_fixed(client, django_assert_num_queries, size):
    pathway = make_full_guide(size=size)

    caching.content_version()
    # The pathway with its roles and stored guide, missing here: one query for
    # each of the six kinds of guide part, the one storing it, and related paths.
    with django_assert_num_queries(9):
        response = client.get(pathway.get_absolute_url())

    assert response.status_code == 200


@pytest.mark.parametrize("size", [1, 3])
def test_hub_query_count_fixed(client, django_assert_num_queries, size):
    target = make_role("Target")
    pathways = [make_pathway(make_role(), target) for _ in range(size)]
    make_hub(target, *pathways[:2])
    caching.store_outdated_html()

    caching.content_version()
    # The role, its hub's paths with their stored cards.
    with django_assert_num_queries(2):
        response = client.get(f"{target.get_absolute_url()}?sort=easiest")

    assert response.status_code == 200


@pytest.mark.parametrize("size", [1, 3])
def test_home_query_count_fixed(client, django_assert_num_queries, size):
    for _ in range(size):
        make_pathway()

    caching.content_version()
    # The roles with a hub, the roles paths start from.
    with django_assert_num_queries(2):
        response = client.get("/")

    assert response.status_code == 200


@pytest.mark.parametrize("size", [1, 3])
def test_from_role_query_count_fixed(client, django_assert_num_queries, size):
    start = make_role("Start")
    for _ in range(size):
        make_pathway(start)
    caching.store_outdated_html()

    caching.content_version()
    # The role, the number of its paths, this page of them with their stored cards.
    with django_assert_num_queries(3):
        response = client.get("/from/start/")

    assert response.status_code == 200


@pytest.mark.parametrize("size", [1, 3])
def test_search_query_count_fixed(client, django_assert_num_queries, size):
    for n in range(size):
        make_pathway(make_role(f"Chemist {n}"))
    caching.store_outdated_html()

    caching.content_version()
    # The roles, the matching pathways, their stored cards.
    with django_assert_num_queries(3):
        response = client.get("/search/?q=chemist")

    assert response.status_code == 200
    assert response.content.decode().count('<li class="card">') == size


# Hub page


@pytest.fixture
def pm_hub():
    pm = make_role("Product Manager", description="Product Managers guide products.")
    ai_pm = make_role("AI Product Manager")
    software = make_pathway(
        make_role("Software Engineer"), pm, title="From Software Engineer to PM"
    )
    gen_ai = make_pathway(make_role("Generative AI Engineer"), ai_pm, title="From Gen AI to AI PM")
    deep = make_pathway(make_role("Deep Learning Engineer"), ai_pm, title="From DL to AI PM")
    make_hub(pm, gen_ai, deep, software, description="Discover 3+ transition paths.")
    return pm


def card_titles(response) -> list[str]:
    return re.findall(
        r'<li class="card">\s*<h3><a href="[^"]*">(.*?)</a>', response.content.decode()
    )


def test_hub_lists_listed_paths_in_hub_order(client, pm_hub):
    response = client.get("/become/product-manager/")

    assert headings(response, 1) == ["How to Become a Product Manager"]
    assert card_titles(response) == [
        "From Gen AI to AI PM",
        "From DL to AI PM",
        "From Software Engineer to PM",
    ]
    assert "Discover 3+ transition paths." in page_text(response)
    assert "What a Product Manager does Product Managers guide products." in page_text(response)


def test_hub_filter_by_starting_role(client, pm_hub):
    response = client.get("/become/product-manager/?from=deep-learning-engineer")

    assert card_titles(response) == ["From DL to AI PM"]
    assert "1 path from Deep Learning Engineer" in page_text(response)


def test_hub_filter_offers_every_starting_role(client, pm_hub):
    html = client.get("/become/product-manager/").content.decode()

    assert re.findall(r'<option value="([^"]*)"', html) == [
        "",
        "deep-learning-engineer",
        "generative-ai-engineer",
        "software-engineer",
        "",
        "shortest",
        "salary",
        "easiest",
    ]


@pytest.mark.parametrize(
    "query",
    ["?from=astronaut", "?from=%00", "?from=" + "x" * 5000, "?from=a&from=b"],
)
def test_hub_unknown_starting_role_friendly_empty_state(client, pm_hub, query):
    response = client.get(f"/become/product-manager/{query}")

    assert response.status_code == 200
    assert card_titles(response) == []
    assert "We have no path from that starting role into Product Manager yet." in page_text(
        response
    )


@pytest.mark.parametrize(
    "query", ["?sort=%00", "?sort=nonsense", "?page=abc", "?page=-1", "?page=99999"]
)
def test_hub_garbage_parameters_still_list_paths(client, pm_hub, query):
    response = client.get(f"/become/product-manager/{query}")

    assert (response.status_code, len(card_titles(response))) == (200, 3)


def test_hub_paginates_past_50_paths(client):
    target = make_role("Target")
    for n in range(51):
        make_pathway(make_role(f"Start {n:02}"), target, title=f"Path {n:02}")

    first = client.get("/become/target/")
    second = client.get("/become/target/?page=2")

    assert (len(card_titles(first)), card_titles(second)) == (50, ["Path 50"])
    assert "Page 2 of 2" in page_text(second)


def test_hub_unknown_role_404(client):
    assert client.get("/become/astronaut/").status_code == 404


def test_hub_role_without_published_paths_404(client):
    make_pathway(make_role("Dev"), make_role("Pilot"), status=Pathway.Status.DRAFT)

    assert client.get("/become/pilot/").status_code == 404


def test_hub_json_ld_occupation(client, pm_hub):
    data = json_ld(client.get("/become/product-manager/"))

    assert [block["@type"] for block in data] == ["BreadcrumbList", "Occupation"]


# Home, paths from a role, search, sitemap, robots


def test_home_lists_hubs_and_starting_roles(client, pm_hub):
    response = client.get("/")
    html = response.content.decode()

    assert headings(response, 1) == ["Change careers with a plan"]
    assert re.findall(r'<li><a href="(/become/[^"]+)">(.*?)</a>', html) == [
        ("/become/ai-product-manager/", "How to Become an AI Product Manager"),
        ("/become/product-manager/", "How to Become a Product Manager"),
    ]
    # The starting role is typed and found on the server (/from/?q=), not listed.
    assert re.findall(r'<input id="start-role" type="search" name="q"[^>]*>', html) == [
        '<input id="start-role" type="search" name="q" maxlength="200" required '
        'placeholder="e.g. Deep Learning Engineer">'
    ]


def test_starting_role_choice_redirects_to_its_paths(client, pm_hub):
    response = client.get("/from/?from=software-engineer")

    assert (response.status_code, response["Location"]) == (302, "/from/software-engineer/")


@pytest.mark.parametrize(
    ("query", "status"), [("", 302), ("?from=%00bad", 404), ("?from=a/b", 404)]
)
def test_starting_role_choice_empty_or_garbage(client, query, status):
    assert client.get(f"/from/{query}").status_code == status


def test_from_role_lists_its_paths(client, pm_hub):
    response = client.get("/from/software-engineer/")

    assert headings(response, 1) == ["Career paths from Software Engineer"]
    assert card_titles(response) == ["From Software Engineer to PM"]


def test_from_role_without_paths_404(client, pm_hub):
    assert client.get("/from/product-manager/").status_code == 404


def test_search_empty_query_prompts(client):
    response = client.get("/search/")

    assert "Type a role you have or want" in page_text(response)


def test_search_finds_roles_and_pathways(client, pm_hub):
    response = client.get("/search/?q=product")
    page = page_text(response)

    # Ranked on PostgreSQL, by title elsewhere: the set is what both agree on.
    assert sorted(card_titles(response)) == [
        "From DL to AI PM",
        "From Gen AI to AI PM",
        "From Software Engineer to PM",
    ]
    assert "Roles How to Become an AI Product Manager How to Become a Product Manager" in page


def test_search_no_match_friendly(client, pm_hub):
    response = client.get("/search/?q=astronaut")

    assert "Nothing matches “astronaut”." in page_text(response)


@pytest.mark.parametrize("q", ["%00", "a" * 1000, "%22%27%3C%3E", "-", "!!!", "or"])
def test_search_garbage_query_never_fails(client, pm_hub, q):
    assert client.get(f"/search/?q={q}&page=zz").status_code == 200


def test_search_long_query_trimmed_to_200(client):
    response = client.get("/search/?q=" + "b" * 500)

    assert re.findall(
        r'id="search-q" type="search" name="q" value="(b*)"', response.content.decode()
    ) == ["b" * 200]


def test_sitemap_lists_home_hubs_and_published_guides(client, pm_hub):
    make_pathway(make_role("Dev"), make_role("Hidden"), status=Pathway.Status.DRAFT)

    sections = re.findall(r"<loc>http://testserver(.*?)</loc>", client.get("/sitemap.xml").text)
    locations = [
        location
        for section in sections
        for location in re.findall(r"<loc>(.*?)</loc>", client.get(section).text)
    ]

    assert sorted(locations) == sorted(
        [
            "http://testserver/",
            "http://testserver/become/ai-product-manager/",
            "http://testserver/become/product-manager/",
        ]
        + [f"http://testserver{p.get_absolute_url()}" for p in Pathway.objects.published()]
    )


def test_robots_points_to_sitemap(client):
    response = client.get("/robots.txt")

    assert response["Content-Type"] == "text/plain"
    assert response.content.decode().splitlines() == [
        "User-agent: *",
        "Disallow: /admin/",
        "Disallow: /search/",
        "Disallow: /pathways/*/view",
        "",
        "Sitemap: http://testserver/sitemap.xml",
    ]


def test_500_page_renders_without_request(client):
    from django.template.loader import render_to_string

    html = render_to_string("500.html")

    assert "<h1>Something went wrong</h1>" in html


def test_pages_have_no_inline_script_or_style(client, pm_hub):
    guide = Pathway.objects.published().first()
    urls = ["/", "/become/product-manager/", guide.get_absolute_url(), "/search/?q=pm", "/nope/"]

    found = []
    for url in urls:
        html = client.get(url).content.decode()
        found += re.findall(
            r"<script(?![^>]*(?:src=|application/ld\+json))[^>]*>|style=|<style", html
        )

    assert found == []


def test_page_cached_hit_keeps_security_headers(client, guide):
    first = client.get(guide.get_absolute_url())

    second = client.get(guide.get_absolute_url())

    for header in ("Content-Security-Policy", "X-Frame-Options", "Cross-Origin-Opener-Policy"):
        assert second[header] == first[header]
    assert second["X-Frame-Options"] == "DENY"
    assert "Vary" not in second
