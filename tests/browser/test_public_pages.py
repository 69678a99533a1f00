"""The public pages in a real browser: filtering, navigation, keyboard use, axe-core.

Drives Debian's Chromium through Playwright against a live server on 127.0.0.1.
Database work happens before Playwright starts, since its event loop would make
Django refuse synchronous queries.
"""

from pathlib import Path

import axe_playwright_python
import pytest

from .chromium import open_page

AXE_JS = Path(axe_playwright_python.__file__).resolve().parent / "axe.min.js"
WCAG_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"]

pytestmark = [
    pytest.mark.browser,
    pytest.mark.once,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]

DESKTOP_CHROME = (
    "Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) "
    "Chrome/126.0.0.0 Safari/537.36"
)
HUB = "/become/product-manager/"
GUIDE = "/pathways/backend-developer-to-ai-project-manager/"
COMPARE = "/compare/?paths="
PAGE_TYPES = {
    "home": "/",
    "guide": GUIDE,
    "guide at another pace": f"{GUIDE}?hours=20",
    "hub-only guide": "/pathways/software-engineer-to-product-manager/",
    "hub": HUB,
    "hub filtered": f"{HUB}?from=software-engineer&sort=easiest",
    "hub no match": f"{HUB}?from=astronaut",
    "hub no match with suggestions": f"{HUB}?from=backend-developer",
    "from role": "/from/backend-developer/",
    "starting-role search": "/from/?q=engineer",
    "starting-role search, nothing": "/from/?q=astronaut",
    "compare two": f"{COMPARE}backend-developer-to-ai-platform-engineer,"
    "backend-developer-to-ai-project-manager",
    "compare three": f"{COMPARE}backend-developer-to-ai-platform-engineer,"
    "backend-developer-to-ai-project-manager,backend-developer-to-applied-ai-scientist",
    "compare, choose another": f"{COMPARE}software-engineer-to-product-manager",
    "search": "/search/?q=manager",
    "search, nothing": "/search/?q=astronaut",
    "not found": "/no-such-page/",
}
# Width and height of a phone, where the guide's contents fold into a list to open.
PHONE = {"width": 390, "height": 844}


def card_titles(page):
    return page.locator("#hub-results .card h3 a").all_inner_texts()


def test_hub_filter_without_javascript_reloads_with_choice(seeded, server, request):
    problems = []
    page = open_page(request.getfixturevalue("chromium"), problems, java_script_enabled=False)

    page.goto(f"{server.url}{HUB}")
    page.select_option("#filter-from", "software-engineer")
    page.click("form[data-hub-filter] button[type=submit]")
    page.wait_for_url(f"{server.url}{HUB}?from=software-engineer&sort=")

    assert card_titles(page) == [
        "From Software Engineer to Product Manager: Your 9-Month Transition Guide"
    ]
    assert problems == []


def test_hub_filter_with_javascript_updates_in_place(seeded, server, request):
    problems = []
    page = open_page(request.getfixturevalue("chromium"), problems)
    page.goto(f"{server.url}{HUB}")
    page.evaluate("window.stayedOnPage = true")

    page.select_option("#filter-from", "deep-learning-engineer")
    page.wait_for_url(f"{server.url}{HUB}?from=deep-learning-engineer")

    assert page.evaluate("window.stayedOnPage") is True
    assert card_titles(page) == [
        "From Deep Learning Engineer to AI Product Manager: Your 8-Month Transition Guide"
    ]
    assert problems == []


def test_home_leads_to_a_guide_which_counts_the_view(seeded, server, request):
    problems = []
    # Headless Chromium says so in its User-Agent, and automated agents are not counted.
    page = open_page(request.getfixturevalue("chromium"), problems, user_agent=DESKTOP_CHROME)

    page.goto(f"{server.url}/")
    page.fill("#start-role", "backend developer")
    page.click("text=Show my paths")
    page.wait_for_url(f"{server.url}/from/backend-developer/")
    page.click("text=From Backend Developer to AI Project Manager: Your 6-Month Transition Guide")
    page.wait_for_url(f"{server.url}{GUIDE}")
    page.locator("[data-view-count]", has_text="2 views").wait_for()

    assert page.locator("h1").all_inner_texts() == [
        "From Backend Developer to AI Project Manager: Your 6-Month Transition Guide"
    ]
    assert problems == []


def test_guide_keyboard_only_skip_link_and_visible_focus(seeded, server, request):
    problems = []
    page = open_page(request.getfixturevalue("chromium"), problems)
    page.goto(f"{server.url}{GUIDE}")

    page.keyboard.press("Tab")
    skip = page.evaluate(
        "(() => { const e = document.activeElement; const s = getComputedStyle(e);"
        " const r = e.getBoundingClientRect();"
        " return [e.textContent, s.outlineStyle, r.top >= 0 && r.bottom > 0]; })()"
    )
    page.keyboard.press("Enter")
    page.keyboard.press("Tab")
    after_skip = page.evaluate("document.activeElement.closest('main') !== null")
    faq = page.locator("details.faq summary").first
    faq.focus()
    page.keyboard.press("Enter")
    faq_open = page.evaluate("document.querySelector('details.faq').open")

    assert skip == ["Skip to main content", "solid", True]
    assert (after_skip, faq_open) == (True, True)
    assert problems == []


def test_guide_readable_at_320_pixels_without_sideways_scrolling(seeded, server, request):
    problems = []
    page = open_page(
        request.getfixturevalue("chromium"), problems, viewport={"width": 320, "height": 640}
    )

    page.goto(f"{server.url}{GUIDE}")

    assert page.evaluate("document.documentElement.scrollWidth") == 320
    assert problems == []


def test_hub_on_a_phone_keeps_keyboard_focus_clear_of_the_compare_bar(seeded, server, request):
    # The "Compare selected paths" bar sticks to the bottom of the screen (two lines on a
    # phone); a link tabbed to must not scroll in behind it (WCAG 2.4.11).
    problems = []
    page = open_page(request.getfixturevalue("chromium"), problems, viewport=PHONE)
    page.goto(f"{server.url}{HUB}")

    focused, hidden = [], []
    while not focused or focused[-1] != "Compare selected paths":
        page.keyboard.press("Tab")
        name, under_bar = page.evaluate(
            "(() => { const e = document.activeElement, r = e.getBoundingClientRect();"
            " const bar = document.querySelector('.compare-submit').getBoundingClientRect();"
            " return [e.textContent.trim().slice(0, 40) || e.id,"
            " r.top >= bar.top && r.bottom <= bar.bottom"
            " && !e.closest('.compare-submit')]; })()"
        )
        focused.append(name)
        if under_bar:
            hidden.append(name)

    assert len(focused) == 15
    assert hidden == []
    assert problems == []


def axe_violations(page) -> tuple[list[str], int]:
    """axe-core's WCAG 2.2 AA violations on the page as it is now, and how many rules passed."""
    page.add_script_tag(path=str(AXE_JS))
    result = page.evaluate(
        "tags => axe.run(document, {runOnly: {type: 'tag', values: tags}})", WCAG_TAGS
    )
    found = [f"{v['id']}: {[n['target'] for n in v['nodes']]}" for v in result["violations"]]
    return found, len(result["passes"])


def without_site_scripts(route):
    route.fulfill(status=200, content_type="text/javascript", body="")


@pytest.mark.parametrize("javascript", [True, False], ids=["js", "no-js"])
def test_every_page_type_has_no_axe_violations_light_or_dark(seeded, server, request, javascript):
    browser = request.getfixturevalue("chromium")
    problems, violations, rules_passed, checkboxes = [], {}, {}, {}

    for scheme in ("light", "dark"):
        # Only for this scan: axe is injected as a script the site's CSP would refuse.
        page = open_page(browser, problems, bypass_csp=True, color_scheme=scheme)
        if not javascript:
            # The page as a reader without JavaScript gets it: the site's scripts never
            # run. (A context with JavaScript off would not run axe either: its timers
            # never fire. The CSS has no scripting media query to tell the two apart.)
            page.route("**/static/js/*.js", without_site_scripts)
        for name, path in PAGE_TYPES.items():
            response = page.goto(f"{server.url}{path}")
            if response.status == 404:
                # The browser reports the page's own status as a failed load.
                problems.remove(
                    "Failed to load resource: the server responded with a status of 404 "
                    f"(Not Found) at {server.url}{path}"
                )
            found, rules_passed[f"{scheme} {name}"] = axe_violations(page)
            if found:
                violations[f"{scheme} {name}"] = found
        page.goto(f"{server.url}{GUIDE}")
        checkboxes[scheme] = page.locator("li[data-progress] input[type=checkbox]").count()
        page.context.close()

    assert violations == {}
    assert min(rules_passed.values()) > 10
    assert checkboxes == {"light": 24 if javascript else 0, "dark": 24 if javascript else 0}
    assert problems == []


def test_guide_planned_on_a_phone_has_no_axe_violations_light_or_dark(seeded, server, request):
    # What the guide's script builds: checkboxes, counts, the progress panel, a finish
    # date, with a task ticked and the contents open.
    browser = request.getfixturevalue("chromium")
    problems, violations, built = [], {}, {}

    for scheme in ("light", "dark"):
        page = open_page(browser, problems, bypass_csp=True, color_scheme=scheme, viewport=PHONE)
        page.goto(f"{server.url}{GUIDE}?hours=20")
        page.locator("li[data-progress] input[type=checkbox]").first.check()
        page.locator(".toc summary").click()
        built[scheme] = [
            page.locator(".toc-details[open]").count(),
            page.locator("[data-progress-panel]").is_visible(),
            page.locator(".finish-date").is_visible(),
            page.locator("[data-progress-total]").inner_text(),
        ]
        found, _ = axe_violations(page)
        if found:
            violations[scheme] = found
        page.context.close()

    assert violations == {}
    assert built == {scheme: [1, True, True, "1 of 24 done in this guide"] for scheme in built}
    assert problems == []
