"""Top-level URLs: the public site, the admin and the Markdown editor endpoints."""

from django.contrib import admin
from django.urls import include, path

urlpatterns = [
    path("admin/", admin.site.urls),
    path("markdownx/", include("markdownx.urls")),
    path("", include("pathways.urls")),
]
