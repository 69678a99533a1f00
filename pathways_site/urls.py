"""Top-level URLs: the public site, the admin and the Markdown editor endpoints."""

from django.conf import settings
from django.conf.urls.static import static
from django.contrib import admin
from django.urls import include, path

from pathways.health import healthz
from pathways.uploads import serve_upload

urlpatterns = [
    path("healthz", healthz, name="healthz"),
    path("admin/", admin.site.urls),
    # markdownx's own views, for editors only, storing uploaded images redrawn.
    path("markdownx/", include("pathways.uploads")),
    path("", include("pathways.urls")),
]

# Uploaded images: served here while developing, with the headers that keep a
# file an image; in production the proxy or object storage in front of the
# site serves MEDIA_ROOT with the same headers (README, "Uploaded images").
urlpatterns += static(settings.MEDIA_URL, view=serve_upload, document_root=settings.MEDIA_ROOT)
