"""Moving around a guide in a real browser: contents, print, the phone header.

Chromium through Playwright against a live server, as in test_public_pages.
"""

import pytest

from .chromium import TIMEOUT_MS

pytestmark = [
    pytest.mark.browser,
    pytest.mark.once,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]

GUIDE = "/pathways/backend-developer-to-ai-project-manager/"
IN_VIEW = (
    "id => { const r = document.getElementById(id).getBoundingClientRect();"
    " return r.top >= 0 && r.top < window.innerHeight; }"
)


def open_guide(browser, server, **options):
    page = browser.new_context(**options).new_page()
    page.set_default_timeout(TIMEOUT_MS)
    page.goto(f"{server.url}{GUIDE}")
    return page


@pytest.mark.parametrize(
    "viewport", [{"width": 1280, "height": 900}, {"width": 390, "height": 844}], ids=str
)
def test_each_contents_link_scrolls_to_its_section(seeded, server, request, viewport):
    page = open_guide(request.getfixturevalue("chromium"), server, viewport=viewport)
    contents = page.locator("nav[aria-label=Contents]")
    targets = [
        href[1:]
        for href in contents.locator("a").evaluate_all("l => l.map(a => a.getAttribute('href'))")
    ]

    shown = []
    for target in targets:
        page.evaluate("window.scrollTo(0, 0)")
        if not contents.locator("details").evaluate("d => d.open"):
            contents.locator("summary").click()  # collapsed on a phone
        contents.locator(f"a[href='#{target}']").click()
        page.wait_for_function(IN_VIEW, arg=target)
        shown.append(target)

    assert shown == targets
    assert targets[:4] == ["overview", "transferable-skills", "skills-to-learn", "roadmap"]


def test_contents_open_beside_the_text_on_wide_screens_collapsed_on_phones(seeded, server, request):
    browser = request.getfixturevalue("chromium")
    wide = open_guide(browser, server, viewport={"width": 1280, "height": 900})
    phone = open_guide(browser, server, viewport={"width": 390, "height": 844})
    first = "nav[aria-label=Contents] a >> nth=0"

    wide.mouse.wheel(0, 3000)
    wide.wait_for_function("window.scrollY > 2000")

    assert wide.locator(first).is_visible()  # sticky: still in view far down the page
    assert wide.evaluate(
        "document.querySelector('nav.toc').getBoundingClientRect().right"
        " < document.querySelector('.guide-text').getBoundingClientRect().left"
    )
    assert phone.locator(first).is_visible() is False


def test_print_shows_every_faq_answer_and_hides_buttons_and_navigation(seeded, server, request):
    page = open_guide(request.getfixturevalue("chromium"), server, java_script_enabled=False)
    page.emulate_media(media="print")

    answers = page.locator("details.faq .prose")
    hidden = [
        selector
        for selector in (".cta .button", "nav[aria-label=Contents]", ".site-header", ".back-to-top")
        if page.locator(selector).first.is_visible()
    ]

    assert answers.count() > 0
    assert [answers.nth(n).is_visible() for n in range(answers.count())] == [True] * answers.count()
    assert hidden == []
    assert page.locator(".print-only").inner_text() == (
        f"Read this guide online at {server.url}{GUIDE}"
    )
    assert len(page.pdf()) > 10_000


def test_phone_header_keeps_search_on_one_line(seeded, server, request):
    page = open_guide(
        request.getfixturevalue("chromium"), server, viewport={"width": 390, "height": 844}
    )

    height = page.evaluate("document.querySelector('.site-header').offsetHeight")
    middles = page.evaluate(
        "['.site-name', '#site-search-q', '.site-search button']"
        ".map(s => document.querySelector(s).getBoundingClientRect())"
        ".map(r => Math.round((r.top + r.bottom) / 2 / 10))"
    )

    assert height < 80
    assert len(set(middles)) == 1  # the name, the field and its button side by side
