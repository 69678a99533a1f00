"""Pasting or uploading a source page in the admin: preview first, then import."""

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile

from pathways.models import Pathway
from tests.support import SOURCE_DIR

pytestmark = pytest.mark.django_db

URL = "/admin/pathways/pathway/import/"
GUIDE = SOURCE_DIR / "backend-developer-to-ai-project-manager.txt"
SLUG = "backend-developer-to-ai-project-manager"


def test_import_preview_reports_what_would_change_and_writes_nothing(editor_client):
    response = editor_client.post(URL, {"text": GUIDE.read_text(), "_preview": "Preview"})

    report = response.context["report"]
    assert (report.created, report.updated, report.dry_run) == ([SLUG], [], True)
    assert 'name="_import"' in response.content.decode()
    assert list(Pathway.objects.values_list("slug", flat=True)) == []


def test_import_confirmed_creates_the_pathway(editor_client):
    response = editor_client.post(URL, {"text": GUIDE.read_text(), "_import": "Import"})

    assert (response.status_code, response.headers["Location"]) == (
        302,
        "/admin/pathways/pathway/",
    )
    assert list(Pathway.objects.values_list("slug", flat=True)) == [SLUG]


def test_import_upload_previews_and_keeps_the_text_to_confirm(editor_client):
    upload = SimpleUploadedFile(GUIDE.name, GUIDE.read_bytes(), content_type="text/plain")

    response = editor_client.post(URL, {"upload": upload, "_preview": "Preview"})

    assert response.context["report"].created == [SLUG]
    assert response.context["form"].initial["text"] == GUIDE.read_text()


def test_import_shows_the_parser_error_with_its_line(editor_client):
    response = editor_client.post(URL, {"text": "Career Pathway1 views\nBackend\n"})

    assert response.context["errors"] == [
        "<pasted>:2: unexpected end of file: missing the breadcrumb naming the target role"
    ]
    assert Pathway.objects.count() == 0


def test_import_without_text_or_file_asks_for_one(editor_client):
    response = editor_client.post(URL, {"text": "  "})

    assert list(response.context["form"].non_field_errors()) == [
        "Paste the page text or choose a file to upload."
    ]


def test_pathway_changelist_links_to_import(editor_client):
    response = editor_client.get("/admin/pathways/pathway/")

    assert f'href="{URL}"' in response.content.decode()
