"""Top-level URLs: the public site, the admin and the Markdown editor endpoints."""

from django.conf import settings
from django.conf.urls.static import static
from django.contrib import admin
from django.urls import include, path

from pathways.health import healthz

urlpatterns = [
    path("healthz", healthz, name="healthz"),
    path("admin/", admin.site.urls),
    # markdownx's own views, restricted to staff and with checked image uploads.
    path("markdownx/", include("pathways.uploads")),
    path("", include("pathways.urls")),
]

# Uploaded images: served here while developing; in production the proxy or
# object storage in front of the site serves MEDIA_ROOT (see README).
urlpatterns += static(settings.MEDIA_URL, document_root=settings.MEDIA_ROOT)
