"""Images uploaded through the Markdown editor, and its live preview."""

import json
from pathlib import Path

import pytest

from .uploading import image_bytes, upload

# The database only signs the editor in: the subject is the upload and its preview.
pytestmark = [pytest.mark.django_db, pytest.mark.once]


def test_image_upload_stores_png_under_media_root(editor_client, media_root):
    response = upload(editor_client, "chart.png", image_bytes(), "image/png")

    stored = [path.relative_to(media_root) for path in media_root.rglob("*.png")]
    assert response.status_code == 200
    assert len(stored) == 1
    assert stored[0].parent == Path("markdownx")
    assert response.json() == {"image_code": f"![](/media/markdownx/{stored[0].name})"}


def test_image_upload_refuses_text_disguised_as_png(editor_client, media_root):
    response = upload(editor_client, "chart.png", b"<script>alert(1)</script>", "image/png")

    assert (response.status_code, response.json()) == (
        400,
        {"__all__": ["The file is not a readable image."]},
    )
    assert list(media_root.rglob("*")) == []


def test_image_upload_refuses_svg(editor_client, media_root):
    svg = b'<svg xmlns="http://www.w3.org/2000/svg" onload="alert(1)"></svg>'

    response = upload(editor_client, "logo.svg", svg, "image/svg+xml")

    assert (response.status_code, list(media_root.rglob("*"))) == (400, [])


def test_image_upload_refuses_files_over_the_limit(editor_client, media_root, settings):
    settings.MARKDOWNX_UPLOAD_MAX_SIZE = 100
    content = image_bytes(size=(200, 200))

    response = upload(editor_client, "big.png", content, "image/png")

    assert response.json() == {"__all__": ["The image is larger than 100\xa0bytes."]}


def test_preview_renders_markdown_through_the_sanitizer(editor_client):
    response = editor_client.post(
        "/markdownx/markdownify/",
        {"content": "**Bold** <script>alert(1)</script>[x](javascript:alert(1))"},
    )

    link = '<a rel="noopener noreferrer nofollow">x</a>'
    assert response.content.decode() == f"<p><strong>Bold</strong> {link}</p>"


def test_preview_refuses_get(editor_client):
    response = editor_client.get("/markdownx/markdownify/")

    assert response.status_code == 405


def test_upload_reports_json_errors_for_editors(editor_client, media_root):
    response = upload(editor_client, "notes.txt", b"hello", "text/plain")

    assert json.loads(response.content) == {"__all__": ["Upload a JPEG, PNG, GIF or WebP image."]}
