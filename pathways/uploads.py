"""The Markdown editor's endpoints: live preview and image upload, for staff only.

The preview renders through the same sanitizer as the public pages
(``MARKDOWNX_MARKDOWNIFY_FUNCTION``). Uploaded images are checked by reading
them, not by trusting the browser's content type: only real JPEG, PNG, GIF or
WebP files within the size limits are stored, under MEDIA_ROOT.
"""

from django.conf import settings
from django.contrib.admin.views.decorators import staff_member_required
from django.core.exceptions import ValidationError
from django.http import HttpResponse
from django.template.defaultfilters import filesizeformat
from django.urls import path
from django.utils.decorators import method_decorator
from django.utils.module_loading import import_string
from django.views import View
from django.views.decorators.http import require_POST
from markdownx.forms import ImageForm
from markdownx.views import ImageUploadView
from PIL import Image, UnidentifiedImageError

# What Pillow calls each format the editor accepts, by declared content type.
IMAGE_FORMATS = {
    "image/jpeg": "JPEG",
    "image/png": "PNG",
    "image/gif": "GIF",
    "image/webp": "WEBP",
}
MAX_PIXELS = 40_000_000


def check_image(upload) -> None:
    """Raise ValidationError unless the upload really is an image of its declared type."""
    expected = IMAGE_FORMATS.get(upload.content_type)
    if expected is None:
        raise ValidationError("Upload a JPEG, PNG, GIF or WebP image.", code="type")
    if upload.size > settings.MARKDOWNX_UPLOAD_MAX_SIZE:
        limit = filesizeformat(settings.MARKDOWNX_UPLOAD_MAX_SIZE)
        raise ValidationError(f"The image is larger than {limit}.", code="size")
    try:
        with Image.open(upload) as image:
            found, (width, height) = image.format, image.size
            if width * height > MAX_PIXELS:
                raise ValidationError("The image has too many pixels.", code="size")
            image.verify()
    except (UnidentifiedImageError, OSError, SyntaxError, Image.DecompressionBombError):
        raise ValidationError("The file is not a readable image.", code="type") from None
    finally:
        upload.seek(0)
    if found != expected:
        raise ValidationError(
            "The file's contents do not match its type; upload a JPEG, PNG, GIF or WebP image.",
            code="type",
        )


class CheckedImageForm(ImageForm):
    def clean(self):
        upload = self.cleaned_data.get("image")
        if upload:
            check_image(upload)
        return super().clean()


@method_decorator(staff_member_required, name="dispatch")
class CheckedImageUploadView(ImageUploadView):
    form_class = CheckedImageForm


@method_decorator([staff_member_required, require_POST], name="dispatch")
class PreviewView(View):
    """Markdown to the HTML a visitor would see, for the editor's live preview."""

    def post(self, request):
        render = import_string(settings.MARKDOWNX_MARKDOWNIFY_FUNCTION)
        return HttpResponse(render(request.POST.get("content", "")))


urlpatterns = [
    path("upload/", CheckedImageUploadView.as_view(), name="markdownx_upload"),
    path("markdownify/", PreviewView.as_view(), name="markdownx_markdownify"),
]
