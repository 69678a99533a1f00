"""Image files and the editor's upload request, for the upload tests."""

import io

from django.core.files.uploadedfile import SimpleUploadedFile
from PIL import Image

# markdownx's editor uploads through XMLHttpRequest and reads JSON back.
AJAX = {"HTTP_X_REQUESTED_WITH": "XMLHttpRequest"}


def image_bytes(kind="PNG", size=(8, 6)):
    buffer = io.BytesIO()
    Image.new("RGB", size, "teal").save(buffer, kind)
    return buffer.getvalue()


def upload(client, name, content, content_type):
    """Post a file to the editor's upload endpoint as its script does."""
    file = SimpleUploadedFile(name, content, content_type=content_type)
    return client.post("/markdownx/upload/", {"image": file}, **AJAX)


def stored_files(root):
    """Every file under MEDIA_ROOT, in name order."""
    return sorted(path for path in root.rglob("*") if path.is_file())
