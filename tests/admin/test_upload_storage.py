"""What the Markdown editor stores for an uploaded image, and how it is served.

An upload is stored redrawn, under a name and extension chosen from the format
Pillow found, never byte for byte under the name the browser sent.
"""

import importlib
import io
import zlib

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import clear_url_caches
from PIL import Image

import pathways_site.urls

from .uploading import image_bytes, stored_files, upload

# The database only signs the editor in: the subject is the stored file.
pytestmark = [pytest.mark.django_db, pytest.mark.once]


def stored_image(media_root):
    (path,) = stored_files(media_root)
    return path, Image.open(io.BytesIO(path.read_bytes()))


def gif_bytes(size=(8, 6), comment=b""):
    buffer = io.BytesIO()
    Image.new("P", size, 3).save(buffer, "GIF", comment=comment)
    return buffer.getvalue()


def rgba_pixels(image):
    return image.convert("RGBA").tobytes()


def test_gif_html_polyglot_named_html_is_stored_redrawn_as_gif(editor_client, media_root):
    # A GIF that is also a page: a script in its comment and another after its end.
    polyglot = gif_bytes(comment=b"<script>alert(1)</script>") + b"<script>alert(2)</script>"

    response = upload(editor_client, "poly.html", polyglot, "image/gif")

    path, image = stored_image(media_root)
    content = path.read_bytes()
    assert response.json() == {"image_code": f"![](/media/markdownx/{path.name})"}
    assert (path.suffix, image.format, image.size) == (".gif", "GIF", (8, 6))
    assert rgba_pixels(image) == rgba_pixels(Image.open(io.BytesIO(polyglot)))
    assert content != polyglot
    assert (b"<script" in content, b"alert" in content) == (False, False)


def test_gif_javascript_polyglot_named_js_is_stored_redrawn_as_gif(editor_client, media_root):
    # "GIF89a/*" opens a script comment: the width 0x2A2F is "/*"; the GIF comment
    # closes it, runs code and opens another that the bytes after the end close.
    gif = gif_bytes(size=(0x2A2F, 1), comment=b"*/=1;alert(document.domain);/*")
    polyglot = gif + b"*/"
    assert polyglot.startswith(b"GIF89a/*")

    upload(editor_client, "poly.js", polyglot, "image/gif")

    path, image = stored_image(media_root)
    content = path.read_bytes()
    assert (path.suffix, image.format, image.size) == (".gif", "GIF", (1200, 1))
    assert content != polyglot
    assert (b"<script" in content, b"alert" in content, b"*/" in content) == (False, False, False)


def test_jpeg_is_stored_without_exif_and_turned_upright(editor_client, media_root):
    exif = Image.Exif()
    exif[0x010F] = "PhoneMaker"  # camera make
    exif[0x0112] = 6  # orientation: turn 90° clockwise to show
    exif[0x8825] = {1: "N", 2: (51.0, 30.0, 26.0), 3: "W", 4: (0.0, 7.0, 40.0)}  # GPS
    buffer = io.BytesIO()
    Image.new("RGB", (8, 6), "teal").save(buffer, "JPEG", exif=exif, comment=b"Holiday")
    photo = buffer.getvalue()
    assert dict(Image.open(io.BytesIO(photo)).getexif())[0x0112] == 6

    upload(editor_client, "photo.jpeg", photo, "image/jpeg")

    path, image = stored_image(media_root)
    content = path.read_bytes()
    assert (path.suffix, image.format, image.size) == (".jpg", "JPEG", (6, 8))
    assert dict(image.getexif()) == {}
    assert (b"Exif" in content, b"PhoneMaker" in content, b"Holiday" in content) == (
        False,
        False,
        False,
    )


def test_cmyk_jpeg_is_stored_as_rgb_without_its_comment(editor_client, media_root):
    buffer = io.BytesIO()
    Image.new("CMYK", (8, 6), (0, 255, 255, 0)).save(buffer, "JPEG", comment=b"<script>")

    upload(editor_client, "print.jpg", buffer.getvalue(), "image/jpeg")

    path, image = stored_image(media_root)
    assert (image.format, image.mode, image.info.get("comment")) == ("JPEG", "RGB", None)
    assert b"<script" not in path.read_bytes()


def test_png_named_jpg_is_stored_as_png(editor_client, media_root):
    # A browser declares the type from the name, not from the contents.
    response = upload(editor_client, "chart.jpg", image_bytes("PNG"), "image/jpeg")

    path, image = stored_image(media_root)
    assert response.status_code == 200
    assert (path.suffix, image.format, image.size) == (".png", "PNG", (8, 6))


def test_gif_declared_as_png_is_stored_as_gif(editor_client, media_root):
    upload(editor_client, "chart.png", image_bytes("GIF"), "image/png")

    path, image = stored_image(media_root)
    assert (path.suffix, image.format) == (".gif", "GIF")


def test_non_latin_name_is_not_kept(editor_client, media_root):
    upload(editor_client, "графік 表.png", image_bytes("PNG"), "image/png")

    path, _ = stored_image(media_root)
    assert path.suffix == ".png"
    assert path.stem.isascii() and len(path.stem) == 36


def test_same_image_twice_is_stored_under_two_names(editor_client, media_root):
    first = upload(editor_client, "chart.png", image_bytes(), "image/png").json()
    second = upload(editor_client, "chart.png", image_bytes(), "image/png").json()

    assert first != second
    assert len(stored_files(media_root)) == 2


def test_png_text_chunks_and_colour_profile_are_dropped(editor_client, media_root):
    from PIL.PngImagePlugin import PngInfo

    text = PngInfo()
    text.add_text("Comment", "<script>alert(1)</script>")
    buffer = io.BytesIO()
    Image.new("RGB", (8, 6), "teal").save(buffer, "PNG", pnginfo=text, icc_profile=b"profile")

    upload(editor_client, "chart.png", buffer.getvalue(), "image/png")

    path, image = stored_image(media_root)
    assert image.info == {}
    assert b"<script" not in path.read_bytes()


@pytest.mark.parametrize("kind", ["PNG", "WEBP"])
def test_alpha_transparency_is_kept(editor_client, media_root, kind):
    picture = Image.new("RGBA", (4, 4), (10, 20, 30, 255))
    picture.putpixel((0, 0), (0, 0, 0, 0))
    buffer = io.BytesIO()
    picture.save(buffer, kind, lossless=True)

    upload(editor_client, f"logo.{kind.lower()}", buffer.getvalue(), f"image/{kind.lower()}")

    _, image = stored_image(media_root)
    assert (image.mode, image.getpixel((0, 0))[3], image.getpixel((1, 1))[3]) == ("RGBA", 0, 255)


@pytest.mark.parametrize("kind", ["PNG", "GIF"])
def test_palette_transparency_is_kept(editor_client, media_root, kind):
    picture = Image.new("P", (4, 4), 1)
    picture.putpalette([0, 0, 0, 200, 30, 30])
    picture.putpixel((0, 0), 0)
    buffer = io.BytesIO()
    picture.save(buffer, kind, transparency=0)

    upload(editor_client, f"logo.{kind.lower()}", buffer.getvalue(), f"image/{kind.lower()}")

    _, image = stored_image(media_root)
    assert image.convert("RGBA").getpixel((0, 0))[3] == 0
    assert image.convert("RGBA").getpixel((1, 1)) == (200, 30, 30, 255)


@pytest.mark.parametrize("kind", ["GIF", "WEBP", "PNG"])
def test_animation_keeps_its_frames_and_durations(editor_client, media_root, kind):
    colours = [(255, 0, 0), (0, 0, 255), (0, 128, 0)]
    frames = [Image.new("RGB", (6, 4), colour) for colour in colours]
    buffer = io.BytesIO()
    frames[0].save(
        buffer,
        kind,
        save_all=True,
        append_images=frames[1:],
        duration=[100, 200, 300],
        loop=0,
        lossless=True,
    )

    upload(editor_client, f"steps.{kind.lower()}", buffer.getvalue(), f"image/{kind.lower()}")

    _, image = stored_image(media_root)
    seen = []
    for index in range(image.n_frames):
        image.seek(index)
        image.load()
        # Lossy WebP shifts a colour by a step or two: compare the strongest channel.
        pixel = image.convert("RGB").getpixel((0, 0))
        seen.append(("RGB"[pixel.index(max(pixel))], image.info["duration"]))
    assert seen == [("R", 100), ("B", 200), ("G", 300)]
    assert image.info["loop"] == 0


def test_large_image_is_scaled_down_to_the_editor_size(editor_client, media_root):
    upload(editor_client, "wide.png", image_bytes(size=(3000, 1000)), "image/png")

    _, image = stored_image(media_root)
    assert image.size == (1200, 400)


def test_image_with_too_many_pixels_is_refused(editor_client, media_root):
    response = upload(editor_client, "huge.png", image_bytes("PNG", (8000, 6000)), "image/png")

    assert (response.status_code, response.json()) == (
        400,
        {"__all__": ["The image has too many pixels."]},
    )
    assert stored_files(media_root) == []


def test_decompression_bomb_is_refused(editor_client, media_root):
    # A PNG header claiming 100000 by 100000 pixels, with almost no data behind it.
    png = image_bytes("PNG", (1, 1))
    header = b"IHDR" + (100_000).to_bytes(4, "big") * 2 + png[24:29]
    bomb = png[:12] + header + zlib.crc32(header).to_bytes(4, "big") + png[33:]

    response = upload(editor_client, "bomb.png", bomb, "image/png")

    assert (response.status_code, response.json()) == (
        400,
        {"__all__": ["The image has too many pixels."]},
    )


def test_animation_with_too_many_frames_is_refused(editor_client, media_root):
    frames = [Image.new("RGB", (1, 1), (255 * (index % 2), 0, 0)) for index in range(501)]
    buffer = io.BytesIO()
    frames[0].save(buffer, "GIF", save_all=True, append_images=frames[1:])

    response = upload(editor_client, "long.gif", buffer.getvalue(), "image/gif")

    assert response.json() == {"__all__": ["The animation has too many frames."]}


def test_truncated_image_is_refused(editor_client, media_root):
    content = image_bytes("PNG", (300, 300))

    response = upload(editor_client, "cut.png", content[: len(content) // 2], "image/png")

    assert response.json() == {"__all__": ["The file is not a readable image."]}
    assert stored_files(media_root) == []


def test_empty_file_is_refused(editor_client, media_root):
    response = upload(editor_client, "empty.png", b"", "image/png")

    assert (response.status_code, response.json()) == (
        400,
        {"image": ["The submitted file is empty."]},
    )


def test_invalid_upload_without_xhr_is_a_plain_400(editor_client, media_root):
    file = SimpleUploadedFile("notes.txt", b"hello", content_type="text/plain")

    response = editor_client.post("/markdownx/upload/", {"image": file})

    assert (response.status_code, response["Content-Type"], response.content.decode()) == (
        400,
        "text/plain; charset=utf-8",
        "Upload a JPEG, PNG, GIF or WebP image.",
    )
    assert stored_files(media_root) == []


def test_upload_refuses_get(editor_client):
    response = editor_client.get("/markdownx/upload/")

    assert response.status_code == 405


@pytest.fixture
def development_urls(settings, media_root):
    """The site's URLs as the development server builds them, serving MEDIA_ROOT."""
    settings.DEBUG = True
    importlib.reload(pathways_site.urls)
    clear_url_caches()
    yield
    settings.DEBUG = False
    importlib.reload(pathways_site.urls)
    clear_url_caches()


def test_development_server_serves_uploads_with_sandboxing_headers(
    editor_client, media_root, development_urls
):
    upload(editor_client, "poly.html", gif_bytes(comment=b"<script>"), "image/gif")
    (path,) = stored_files(media_root)

    response = editor_client.get(f"/media/markdownx/{path.name}")
    served = b"".join(response.streaming_content)
    response.close()

    assert response.status_code == 200
    assert response["Content-Type"] == "image/gif"
    assert response["X-Content-Type-Options"] == "nosniff"
    assert response["Content-Security-Policy"] == "default-src 'none'; img-src 'self'; sandbox"
    assert served == path.read_bytes()
