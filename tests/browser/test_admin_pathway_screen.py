"""An editor works through a long pathway form: closes and opens sections, jumps
to one from the menu, moves a FAQ up with the keyboard buttons, inserts an
image with alt text, saves, and sees the new FAQ order on the public page.

Drives Debian's Chromium through Playwright against a live server on 127.0.0.1.
"""

import io
import re

import pytest
from PIL import Image

from pathways.models import FAQ, Pathway, Role, Skill

from .chromium import TIMEOUT_MS, console_errors, log_in, make_editor

pytestmark = [
    pytest.mark.browser,
    pytest.mark.once,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]


def png_bytes():
    buffer = io.BytesIO()
    Image.new("RGB", (40, 20), (200, 40, 40)).save(buffer, "PNG")
    return buffer.getvalue()


def test_editor_reorders_faqs_and_inserts_an_image(server, request, settings, tmp_path):
    # Arrange (all database work before Playwright starts its event loop).
    settings.MEDIA_ROOT = str(tmp_path)
    make_editor()
    pathway = Pathway.objects.create(
        slug="nurse-to-data-analyst",
        from_role=Role.objects.create(name="Nurse", slug="nurse"),
        to_role=Role.objects.create(name="Data Analyst", slug="data-analyst"),
        title="From Nurse to Data Analyst",
        status=Pathway.Status.PUBLISHED,
        overview="The overview.",
    )
    Skill.objects.create(pathway=pathway, name="SQL", priority="critical", weeks=3, order=1)
    FAQ.objects.create(pathway=pathway, question="Is it hard?", answer="No.", order=1)
    FAQ.objects.create(pathway=pathway, question="How long?", answer="Months.", order=2)
    browser = request.getfixturevalue("chromium")
    page = browser.new_page(viewport={"width": 1280, "height": 900})
    page.set_default_timeout(TIMEOUT_MS)
    problems = []
    page.on("console", lambda message: problems.extend(console_errors(message)))
    page.on("pageerror", lambda error: problems.append(str(error)))

    # Act
    log_in(page, server, f"/admin/pathways/pathway/{pathway.pk}/change/")
    faqs = page.locator("#faqs-group details")
    opened_at_first = faqs.evaluate("details => details.open")
    page.click("#faqs-heading")
    opened_by_click = faqs.evaluate("details => details.open")
    page.click("#faqs-heading")
    closed_again = faqs.evaluate("details => details.open")
    page.click(".jump-menu a[href='#skills-group']")
    skills_opened_by_menu = page.locator("#skills-group details").evaluate("d => d.open")
    page.click(".jump-menu a[href='#faqs-group']")
    page.locator("#faqs-1 .order-up").focus()
    page.keyboard.press("Enter")
    labels = page.locator("#faqs-group .inline-related.has_original .inline_label")
    faq_labels = [label.strip() for label in labels.all_inner_texts()]
    orders = (page.input_value("#id_faqs-0-order"), page.input_value("#id_faqs-1-order"))
    page.click("#id_overview")
    page.keyboard.press("Control+End")
    page.locator(".markdown-image-button").first.click()
    page.set_input_files(
        "#markdown-image-file",
        {"name": "chart.png", "mimeType": "image/png", "buffer": png_bytes()},
    )
    page.fill("#markdown-image-alt", "A chart of [ward] shifts")
    page.click(".markdown-image-dialog button[type=submit]")
    page.locator("#id_overview + .markdownx-preview img").wait_for()
    overview = page.input_value("#id_overview")
    preview_alt = page.locator("#id_overview + .markdownx-preview img").get_attribute("alt")
    page.click("input[name=_save]")
    # The list, keeping the #faqs-group the jump menu put in the address.
    page.wait_for_url(re.compile(r".*/admin/pathways/pathway/(#.*)?$"))
    page.goto(f"{server.url}/pathways/nurse-to-data-analyst/")
    public_questions = page.locator("#faq details.faq summary").all_inner_texts()
    page.close()

    # Assert
    assert (opened_at_first, opened_by_click, closed_again) == (False, True, False)
    assert skills_opened_by_menu is True
    assert faq_labels == ["How long?", "Is it hard?"]
    assert orders == ("2", "1")
    assert re.fullmatch(
        r"The overview\.\n\n!\[A chart of \\\[ward\\\] shifts\]"
        r"\(/media/markdownx/[0-9a-f-]{36}\.png\)",
        overview,
    ), overview
    assert preview_alt == "A chart of [ward] shifts"
    assert public_questions == ["How long?", "Is it hard?"]
    assert problems == []
