"""What an editor sees of a refused image upload in the Markdown editor.

Drives Debian's Chromium through Playwright against a live server on 127.0.0.1.
"""

import base64
import io

import pytest
from django.contrib.auth.models import Group, User
from PIL import Image

from pathways.models import Pathway, Role

from .chromium import TIMEOUT_MS

pytestmark = [
    pytest.mark.browser,
    pytest.mark.once,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]

# Drops a file onto the overview's editor as a browser does when one is dragged there.
DROP = """([name, type, data]) => {
    const bytes = Uint8Array.from(atob(data), (c) => c.charCodeAt(0));
    const transfer = new DataTransfer();
    transfer.items.add(new File([bytes], name, {type}));
    const editor = document.querySelector("#id_overview");
    editor.focus();
    editor.setSelectionRange(editor.value.length, editor.value.length);
    editor.dispatchEvent(new DragEvent("drop", {dataTransfer: transfer, bubbles: true, cancelable: true}));
}"""


def png_bytes():
    buffer = io.BytesIO()
    Image.new("RGB", (4, 3), "teal").save(buffer, "PNG")
    return buffer.getvalue()


def encoded(data: bytes) -> str:
    return base64.b64encode(data).decode()


def open_overview(browser, server, pathway):
    page = browser.new_page(viewport={"width": 1280, "height": 900})
    page.set_default_timeout(TIMEOUT_MS)
    page.goto(f"{server.url}/admin/login/?next=/admin/pathways/pathway/{pathway.pk}/change/")
    page.fill("#id_username", "eddie")
    page.fill("#id_password", "a-long-password")
    page.click("input[type=submit]")
    page.locator("#id_overview").wait_for()
    return page


@pytest.fixture
def media_root(settings, tmp_path):
    """An empty MEDIA_ROOT of the test's own, for what uploads store."""
    settings.MEDIA_ROOT = str(tmp_path)
    return tmp_path


@pytest.fixture
def guide(db):
    editor = User.objects.create_user("eddie", password="a-long-password", is_staff=True)
    editor.groups.add(Group.objects.get(name="Editors"))
    return Pathway.objects.create(
        slug="nurse-to-data-analyst",
        from_role=Role.objects.create(name="Nurse", slug="nurse"),
        to_role=Role.objects.create(name="Data Analyst", slug="data-analyst"),
        title="From Nurse to Data Analyst",
        overview="The overview.",
    )


@pytest.mark.parametrize(
    ("name", "data", "message"),
    [
        ("notes.png", b"just some text, not an image", "The file is not a readable image."),
        ("huge.png", png_bytes() + b"\0" * (3_600_000), "The image is larger than 2.0\xa0MB."),
    ],
    ids=["fake", "oversized"],
)
def test_refused_image_leaves_text_unchanged_and_shows_why(
    server, request, guide, media_root, name, data, message
):
    browser = request.getfixturevalue("chromium")
    page = open_overview(browser, server, guide)

    with page.expect_response("**/markdownx/upload/") as upload:
        page.evaluate(DROP, [name, "image/png", encoded(data)])
    alert = page.locator(".markdownx-upload-error[role=alert]")
    alert.wait_for()
    text, shown = page.locator("#id_overview").input_value(), alert.inner_text()
    page.close()

    assert upload.value.status == 400
    assert text == "The overview."
    assert shown == message
    assert list(media_root.iterdir()) == []


def test_accepted_image_goes_in_at_the_cursor_and_clears_the_message(
    server, request, guide, media_root
):
    browser = request.getfixturevalue("chromium")
    page = open_overview(browser, server, guide)
    page.evaluate(DROP, ["notes.png", "image/png", encoded(b"not an image")])
    page.locator(".markdownx-upload-error[role=alert]").wait_for()

    with page.expect_response("**/markdownx/upload/") as upload:
        page.evaluate(DROP, ["tiny.png", "image/png", encoded(png_bytes())])
    page.wait_for_function("document.querySelector('#id_overview').value.includes('![')")
    text = page.locator("#id_overview").input_value()
    messages = page.locator(".markdownx-upload-error").count()
    page.close()

    (stored,) = (media_root / "markdownx").iterdir()
    assert upload.value.status == 200
    assert text == f"The overview.![](/media/markdownx/{stored.name})"
    assert messages == 0
