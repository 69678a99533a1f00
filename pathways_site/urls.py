"""Top-level URLs: the public site, the admin and the Markdown editor endpoints."""

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
