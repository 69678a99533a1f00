"""Hub pages ("How to become …") and the pathways each lists, in order."""

from django.contrib import admin
from django.db.models import Count
from django.urls import reverse

from ..models import Hub, HubEntry
from .widgets import MarkdownEditorMixin


class HubEntryInline(admin.TabularInline):
    model = HubEntry
    extra = 0
    autocomplete_fields = ["pathway"]
    fields = ["pathway", "order"]


@admin.register(Hub)
class HubAdmin(MarkdownEditorMixin, admin.ModelAdmin):
    list_display = ["__str__", "role", "pathway_count", "updated_at"]
    list_select_related = ["role"]
    search_fields = ["role__name", "role__slug"]
    autocomplete_fields = ["role"]
    fields = ["role", "description"]
    inlines = [HubEntryInline]

    def get_queryset(self, request):
        return super().get_queryset(request).annotate(pathway_count=Count("entries"))

    @admin.display(description="pathways listed", ordering="pathway_count")
    def pathway_count(self, obj):
        return obj.pathway_count

    def view_on_site(self, obj):
        return reverse("pathways:hub", args=[obj.role.slug])
