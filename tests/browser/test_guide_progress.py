"""A guide a reader plans with in a real browser: ticks kept, a progress link, pace, calendar file.

Drives Debian's Chromium through Playwright against a live server on 127.0.0.1.
"""

import re

import pytest
from icalendar import Calendar
from playwright.sync_api import expect

from .chromium import TIMEOUT_MS

pytestmark = [
    pytest.mark.browser,
    pytest.mark.once,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]

GUIDE = "/pathways/backend-developer-to-ai-platform-engineer/"  # 15 tasks, 9 actions
TASK = "Deploy a pre-trained model (e.g., ResNet) on Kubernetes using Kubeflow or Seldon Core."


def open_page(context, problems):
    page = context.new_page()
    page.set_default_timeout(TIMEOUT_MS)
    page.on("console", lambda m: problems.append(m.text) if m.type == "error" else None)
    page.on("pageerror", lambda error: problems.append(str(error)))
    return page


def ticked_keys(page):
    return page.locator("li[data-progress]:has(input:checked)").evaluate_all(
        "items => items.map(item => item.dataset.progress)"
    )


def counts(page):
    """The guide's total, then each list's count, as the reader sees them."""
    return [
        page.locator("[data-progress-total]").inner_text(),
        *page.locator(".progress-count").all_inner_texts(),
    ]


def test_ticked_task_kept_after_reload(seeded, server, chromium):
    problems = []
    page = open_page(chromium.new_context(), problems)
    page.goto(f"{server.url}{GUIDE}")

    page.get_by_label(TASK).check()
    page.reload()

    assert page.locator("li[data-progress] input:checked").count() == 1
    assert page.get_by_label(TASK).is_checked()
    assert counts(page) == [
        "1 of 24 done in this guide",
        "0 of 3 done",
        "1 of 3 done",
        *["0 of 3 done"] * 6,
    ]
    assert problems == []


def test_progress_link_restores_ticks_in_a_fresh_browser(seeded, server, chromium):
    problems = []
    first = open_page(chromium.new_context(), problems)
    first.goto(f"{server.url}{GUIDE}")
    boxes = first.locator("li[data-progress] input")
    for n in (0, 4, 20):
        boxes.nth(n).check()
    first.get_by_role("button", name="Copy a link to my progress").click()
    link = first.get_by_label("Your progress link").input_value()
    keys = [
        first.locator("li[data-progress]").nth(n).get_attribute("data-progress") for n in (0, 4, 20)
    ]

    fresh = open_page(chromium.new_context(), problems)
    fresh.goto(link)

    assert link == f"{server.url}{GUIDE}#progress={','.join(keys)}"
    assert ticked_keys(fresh) == keys
    assert fresh.locator("[data-progress-status]").inner_text() == (
        "3 ticks from your progress link were added."
    )
    assert fresh.locator("[data-progress-total]").inner_text() == "3 of 24 done in this guide"
    # The fragment is left behind, so a later reset is not undone by a reload.
    assert fresh.url == f"{server.url}{GUIDE}"
    fresh.reload()
    assert ticked_keys(fresh) == keys
    assert problems == []


def test_progress_link_adds_to_the_ticks_already_there(seeded, server, chromium):
    problems = []
    page = open_page(chromium.new_context(), problems)
    page.goto(f"{server.url}{GUIDE}")
    items = page.locator("li[data-progress]")
    keys = [items.nth(n).get_attribute("data-progress") for n in (0, 1, 2)]
    items.nth(1).locator("input").check()

    # Pasted into the address bar of the open guide: the page is not loaded again.
    page.goto(f"{server.url}{GUIDE}#progress={keys[0]},{keys[2]},ffffffff,junk")

    expect(page.locator("[data-progress-status]")).to_have_text(
        "2 ticks from your progress link were added."
    )
    assert ticked_keys(page) == keys
    assert problems == []


def test_reset_unticks_everything(seeded, server, chromium):
    problems = []
    page = open_page(chromium.new_context(), problems)
    page.on("dialog", lambda dialog: dialog.accept())
    page.goto(f"{server.url}{GUIDE}")
    page.locator("li[data-progress] input").nth(2).check()

    page.get_by_role("button", name="Reset my progress").click()
    page.reload()

    assert page.locator("li[data-progress] input:checked").count() == 0
    assert page.locator("[data-progress-total]").inner_text() == "0 of 24 done in this guide"
    assert problems == []


def test_without_javascript_tasks_are_a_plain_list(seeded, server, chromium):
    problems = []
    page = open_page(chromium.new_context(java_script_enabled=False), problems)
    page.goto(f"{server.url}{GUIDE}")

    assert page.locator("li[data-progress]").count() == 24
    assert page.locator("input[type=checkbox]").count() == 0
    assert page.locator("[data-progress-panel]").is_hidden()
    assert problems == []


@pytest.mark.parametrize("javascript", [True, False])
def test_pace_chosen_through_the_form(seeded, server, chromium, javascript):
    problems = []
    page = open_page(chromium.new_context(java_script_enabled=javascript), problems)
    page.goto(f"{server.url}{GUIDE}")

    page.get_by_label("Hours a week you can spend (2 to 40)").fill("5")
    page.get_by_role("button", name="Show my weeks").click()
    page.wait_for_url(f"{server.url}{GUIDE}?hours=5")

    assert page.locator(".phase-weeks").all_inner_texts() == [
        "Weeks 1\u20138 (8 weeks)",
        "Weeks 9\u201316 (8 weeks)",
        "Weeks 17\u201328 (12 weeks)",
        "Weeks 29\u201336 (8 weeks)",
        "Weeks 37\u201344 (8 weeks)",
    ]
    assert page.get_by_label("Hours a week you can spend (2 to 40)").input_value() == "5"
    assert problems == []


def test_finish_date_from_the_start_date(seeded, server, chromium):
    problems = []
    page = open_page(chromium.new_context(locale="en-US"), problems)
    page.goto(f"{server.url}{GUIDE}?hours=20")

    start = page.get_by_label("Start date (left empty: next Monday)")
    filled = start.input_value()
    start.fill("2026-03-02")

    # Next Monday, as the calendar file takes it.
    assert page.evaluate(f"new Date('{filled}T00:00').getDay()") == 1
    assert page.locator("[data-finish-weeks]").inner_text() == (
        "Starting on Monday, March 2, 2026, you would finish around Sunday, May 17, 2026."
    )
    assert problems == []


def test_calendar_file_downloaded_with_one_event_per_phase(seeded, server, chromium):
    problems = []
    page = open_page(chromium.new_context(accept_downloads=True), problems)
    page.goto(f"{server.url}{GUIDE}?hours=20")
    page.get_by_label("Start date (left empty: next Monday)").fill("2026-03-02")

    with page.expect_download() as download:
        page.get_by_role("button", name="Download .ics").click()
    calendar = Calendar.from_ical(download.value.path().read_bytes())

    assert download.value.suggested_filename == "backend-developer-to-ai-platform-engineer.ics"
    assert [
        (e.decoded("dtstart").isoformat(), e.decoded("dtend").isoformat())
        for e in calendar.walk("VEVENT")
    ] == [
        ("2026-03-02", "2026-03-16"),
        ("2026-03-16", "2026-03-30"),
        ("2026-03-30", "2026-04-20"),
        ("2026-04-20", "2026-05-04"),
        ("2026-05-04", "2026-05-18"),
    ]
    assert re.fullmatch(r".*/calendar\.ics\?start=2026-03-02&hours=20", download.value.url)
    assert problems == []
