"""Roles, and the names the source-text importer keeps whole."""

from django.contrib import admin

from ..models import KnownName, Role
from .widgets import MarkdownEditorMixin


@admin.register(Role)
class RoleAdmin(MarkdownEditorMixin, admin.ModelAdmin):
    list_display = ["name", "slug", "parent", "updated_at"]
    list_select_related = ["parent"]
    search_fields = ["name", "slug"]
    prepopulated_fields = {"slug": ["name"]}
    autocomplete_fields = ["parent"]
    fields = ["name", "slug", "parent", "description"]


@admin.register(KnownName)
class KnownNameAdmin(admin.ModelAdmin):
    search_fields = ["name"]
