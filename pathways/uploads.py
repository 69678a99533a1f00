"""The Markdown editor's endpoints, live preview and image upload, and uploaded images.

Both endpoints are for editors: staff who may add or change something that has a
Markdown field. The preview renders through the same sanitizer as the public
pages (``MARKDOWNX_MARKDOWNIFY_FUNCTION``).

An uploaded image is never stored as sent. Pillow reads it (only JPEG, PNG, GIF
or WebP, whatever the browser called it), draws its pixels into a new file of the
format it found, and that file is stored as ``<uuid>.<extension of the format>``.
What else the upload carried is dropped: bytes appended after the image, comments,
EXIF (with any GPS position), XMP and colour profiles. The pixels themselves are
still the uploader's (a palette can spell out text), so what keeps a stored file
an image in the browser is how MEDIA_ROOT is served: a content type from the
extension, ``nosniff`` and a sandboxing policy (README, "Uploaded images").
``serve_upload`` gives the development server those headers.
"""

import io
import posixpath
from functools import cache, wraps
from uuid import uuid4

from django import forms
from django.apps import apps
from django.conf import settings
from django.contrib.admin.views.decorators import staff_member_required
from django.contrib.auth import get_permission_codename
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.files.base import ContentFile
from django.core.files.storage import default_storage
from django.http import HttpResponse, HttpResponseBadRequest, JsonResponse
from django.template.defaultfilters import filesizeformat
from django.urls import path
from django.utils.decorators import method_decorator
from django.utils.module_loading import import_string
from django.views import View
from django.views.static import serve
from markdownx.models import MarkdownxField
from markdownx.views import ImageUploadView
from PIL import Image, ImageOps, ImageSequence, UnidentifiedImageError

# The formats Pillow may find in an upload, and the extension each is stored under.
EXTENSIONS = {"JPEG": "jpg", "PNG": "png", "GIF": "gif", "WEBP": "webp"}
# Formats whose animations are kept. A JPEG holding several pictures (MPO, from
# some cameras) is stored as its first, a plain JPEG.
ANIMATED = ("PNG", "GIF", "WEBP")
# Counted over every frame of an animation: each frame is decoded to memory.
MAX_PIXELS = 40_000_000
MAX_FRAMES = 500

# What the development server adds to an uploaded image; production's proxy
# must add the same (README, "Uploaded images").
UPLOAD_HEADERS = {
    "X-Content-Type-Options": "nosniff",
    "Content-Security-Policy": "default-src 'none'; img-src 'self'; sandbox",
}


@cache
def markdown_permissions() -> tuple[str, ...]:
    """Add and change permissions of every model with a Markdown field.

    Holding any of them means seeing the editor in the admin, so needing its
    preview and upload; the Editors group holds them all.
    """
    return tuple(
        f"{model._meta.app_label}.{get_permission_codename(action, model._meta)}"
        for model in apps.get_app_config("pathways").get_models()
        if any(isinstance(field, MarkdownxField) for field in model._meta.fields)
        for action in ("add", "change")
    )


def editor_required(view):
    """Anonymous visitors and non-staff go to the admin login; staff who cannot edit get 403."""

    @wraps(view)
    def checked(request, *args, **kwargs):
        if not any(request.user.has_perm(perm) for perm in markdown_permissions()):
            raise PermissionDenied
        return view(request, *args, **kwargs)

    return staff_member_required(checked)


def check_upload(upload) -> None:
    """Refuse what the browser itself says is not an image, or is too large, before reading it."""
    if upload.content_type not in settings.MARKDOWNX_UPLOAD_CONTENT_TYPES:
        raise ValidationError("Upload a JPEG, PNG, GIF or WebP image.", code="type")
    if upload.size > settings.MARKDOWNX_UPLOAD_MAX_SIZE:
        limit = filesizeformat(settings.MARKDOWNX_UPLOAD_MAX_SIZE)
        raise ValidationError(f"The image is larger than {limit}.", code="size")


def redrawn_image(upload) -> ContentFile:
    """The upload drawn again by Pillow, named ``<uuid>.<extension>`` for the format found.

    Raise ValidationError unless it is a readable JPEG, PNG, GIF or WebP image
    within the pixel limits.
    """
    try:
        with Image.open(upload, formats=list(EXTENSIONS)) as image:
            frames = getattr(image, "n_frames", 1)
            if frames > MAX_FRAMES:
                raise ValidationError("The animation has too many frames.", code="size")
            if image.width * image.height * frames > MAX_PIXELS:
                raise ValidationError("The image has too many pixels.", code="size")
            image_format = "JPEG" if image.format == "MPO" else image.format
            content = _redraw(image, image_format)
    except Image.DecompressionBombError:
        raise ValidationError("The image has too many pixels.", code="size") from None
    except (UnidentifiedImageError, OSError, SyntaxError, ValueError, EOFError):
        raise ValidationError("The file is not a readable image.", code="type") from None
    finally:
        upload.seek(0)
    return ContentFile(content, name=f"{uuid4()}.{EXTENSIONS[image_format]}")


def _redraw(image: Image.Image, image_format: str) -> bytes:
    """A new file of the image's format holding its pixels, frames and transparency only.

    Animations stay animated (GIF, WebP and animated PNG), each frame drawn in
    full with its own duration. Images larger than ``MARKDOWNX_IMAGE_MAX_SIZE``
    are scaled down, as markdownx does.
    """
    loop = image.info.get("loop")
    frames, durations = [], []
    for frame in ImageSequence.Iterator(image) if image_format in ANIMATED else [image]:
        # A photo's EXIF orientation is about to be dropped: turn the pixels instead.
        picture = ImageOps.exif_transpose(frame) if image_format == "JPEG" else frame.copy()
        picture.thumbnail(settings.MARKDOWNX_IMAGE_MAX_SIZE["size"])
        frames.append(picture)
        durations.append(frame.info.get("duration", 0))
    options = {}
    if len(frames) > 1:
        # Frames after the first come composited, often in another mode: one mode for all.
        mode = "RGBA" if any(_has_alpha(frame) for frame in frames) else "RGB"
        frames = [frame.convert(mode) for frame in frames]
        options |= {"save_all": True, "append_images": frames[1:], "duration": durations}
        if loop is not None:
            options["loop"] = loop
        if image_format == "GIF" and mode == "RGBA":
            # Each frame is whole: clear the last one, or its pixels show through.
            options["disposal"] = 2
    elif image_format == "JPEG" and frames[0].mode not in ("L", "RGB"):
        frames[0] = frames[0].convert("RGB")  # CMYK, which browsers show unevenly
    elif image_format == "WEBP" and frames[0].mode not in ("RGB", "RGBA"):
        frames[0] = frames[0].convert("RGBA")
    if "transparency" in frames[0].info:  # a palette index or one transparent colour
        options["transparency"] = frames[0].info["transparency"]
    if image_format in ("JPEG", "WEBP"):
        options["quality"] = settings.MARKDOWNX_IMAGE_MAX_SIZE["quality"]
    for frame in frames:
        # Savers fall back on info for comments, EXIF, XMP and profiles: give them none.
        frame.info = {}
    buffer = io.BytesIO()
    frames[0].save(buffer, image_format, **options)
    return buffer.getvalue()


def _has_alpha(image: Image.Image) -> bool:
    return image.mode in ("RGBA", "LA", "PA") or "transparency" in image.info


class EditorImageForm(forms.Form):
    """An image for the Markdown editor, stored redrawn under a name of our choosing."""

    image = forms.FileField()

    def clean(self):
        # Errors about the file as a whole, where markdownx's own form puts them.
        upload = self.cleaned_data.get("image")
        if upload:
            check_upload(upload)
            self.cleaned_data["image"] = redrawn_image(upload)
        return self.cleaned_data

    def save(self, commit=True):
        """Store the image and return its URL (markdownx's view always commits)."""
        image = self.cleaned_data["image"]
        name = default_storage.save(
            posixpath.join(settings.MARKDOWNX_MEDIA_PATH, image.name), image
        )
        return default_storage.url(name)


@method_decorator(editor_required, name="dispatch")
class EditorImageUploadView(ImageUploadView):
    form_class = EditorImageForm
    # markdownx has no page to show on GET, nor for a refused upload outside XHR.
    http_method_names = ["post"]

    def form_invalid(self, form):
        if self.request.headers.get("x-requested-with") == "XMLHttpRequest":
            return JsonResponse(form.errors, status=400)
        messages = [message for errors in form.errors.values() for message in errors]
        return HttpResponseBadRequest("\n".join(messages), content_type="text/plain; charset=utf-8")


@method_decorator(editor_required, name="dispatch")
class PreviewView(View):
    """Markdown to the HTML a visitor would see, for the editor's live preview."""

    http_method_names = ["post"]

    def post(self, request):
        render = import_string(settings.MARKDOWNX_MARKDOWNIFY_FUNCTION)
        return HttpResponse(render(request.POST.get("content", "")))


def serve_upload(request, path, document_root):
    """An uploaded image from MEDIA_ROOT, for the development server only."""
    response = serve(request, path, document_root=document_root)
    for header, value in UPLOAD_HEADERS.items():
        response.headers[header] = value
    return response


urlpatterns = [
    path("upload/", EditorImageUploadView.as_view(), name="markdownx_upload"),
    path("markdownify/", PreviewView.as_view(), name="markdownx_markdownify"),
]
