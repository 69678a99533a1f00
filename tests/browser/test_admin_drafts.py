"""An editor works on the next version of a live guide while visitors keep the current one.

Drives Debian's Chromium through Playwright against a live server on 127.0.0.1.
"""

import threading

import pytest
from django.contrib.auth.models import Group, User
from django.core.management import call_command
from django.db import connections

from pathways.models import Pathway, Role

from .chromium import TIMEOUT_MS

# serialized_rollback: the Editors group comes from a data migration.
pytestmark = [
    pytest.mark.browser,
    pytest.mark.once,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]


def make_guide(slug, from_name, to_name):
    return Pathway.objects.create(
        slug=slug,
        from_role=Role.objects.create(name=from_name, slug=from_name.lower()),
        to_role=Role.objects.create(name=to_name, slug=to_name.lower().replace(" ", "-")),
        title=f"From {from_name} to {to_name}",
        status=Pathway.Status.PUBLISHED,
        overview="The overview.",
    )


def publish_due(now):
    """The cron job, in a thread of its own: Playwright's event loop runs in this one."""

    def run():
        try:
            call_command("publish_due", "--now", now)
        finally:
            connections.close_all()  # the thread's own connection

    job = threading.Thread(target=run)
    job.start()
    job.join()


def test_draft_is_previewed_and_published_and_a_scheduled_one_goes_live(server, request, tmp_path):
    # Arrange (database work before Playwright starts its event loop).
    editor = User.objects.create_user("eddie", password="a-long-password", is_staff=True)
    editor.groups.add(Group.objects.get(name="Editors"))
    drafted = make_guide("nurse-to-data-analyst", "Nurse", "Data Analyst")
    scheduled = make_guide("teacher-to-ux-designer", "Teacher", "UX Designer")
    browser = request.getfixturevalue("chromium")
    visitor = browser.new_context().new_page()
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    page = context.new_page()
    for tab in (visitor, page):
        tab.set_default_timeout(TIMEOUT_MS)

    def title_seen_by_visitor(slug):
        visitor.goto(f"{server.url}/pathways/{slug}/")
        return visitor.locator("#guide-title").inner_text()

    # Act: a draft of a live guide, saved, previewed in a new tab, then published.
    seen = [title_seen_by_visitor(drafted.slug)]
    page.goto(f"{server.url}/admin/login/?next=/admin/pathways/pathway/{drafted.pk}/change/")
    page.fill("#id_username", "eddie")
    page.fill("#id_password", "a-long-password")
    page.click("input[type=submit]")
    page.fill("#id_title", "Nurse to Data Analyst, rewritten")
    page.click("#save-draft")
    page.locator("#pending-change").wait_for()
    for scheme in ("light", "dark"):
        page.emulate_media(color_scheme=scheme)
        page.screenshot(path=tmp_path / f"draft-banner-{scheme}.png")
    form_title = page.input_value("#id_title")
    preview_link = page.locator("#preview-draft")
    link_attributes = (preview_link.get_attribute("target"), preview_link.get_attribute("rel"))
    with context.expect_page() as opened:
        preview_link.click()
    preview = opened.value
    preview.locator("#guide-title").wait_for()
    preview_title = preview.locator("#guide-title").inner_text()
    preview.close()
    seen.append(title_seen_by_visitor(drafted.slug))
    page.click("#publish-draft")
    page.locator(".messagelist .success").wait_for()
    seen.append(title_seen_by_visitor(drafted.slug))

    # Act: a change of another guide scheduled, going live when its time has come.
    page.goto(f"{server.url}/admin/pathways/pathway/{scheduled.pk}/change/")
    page.fill("#id_title", "Teacher to UX Designer, on Monday")
    page.fill("#id_publish_at_0", "2031-05-05")
    page.fill("#id_publish_at_1", "09:00:00")
    page.click("#save-draft")
    page.locator("#pending-change").wait_for()
    banner = page.locator("#pending-change p").first.inner_text()
    context.close()
    publish_due("2031-05-05T08:59:00+00:00")
    early = title_seen_by_visitor(scheduled.slug)
    publish_due("2031-05-05T09:00:00+00:00")
    late = title_seen_by_visitor(scheduled.slug)

    # Assert
    assert form_title == "Nurse to Data Analyst, rewritten"
    assert link_attributes == ("_blank", "noopener")
    assert preview_title == "Nurse to Data Analyst, rewritten"
    assert seen == [
        "From Nurse to Data Analyst",
        "From Nurse to Data Analyst",
        "Nurse to Data Analyst, rewritten",
    ]
    assert "It goes live by itself at 2031-05-05 09:00" in banner
    assert (early, late) == ("From Teacher to UX Designer", "Teacher to UX Designer, on Monday")
