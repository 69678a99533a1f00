"""The editors' admin: roles, pathways with every part of their guide, and hubs."""

from django.contrib import admin

from . import hubs, pathways, roles

admin.site.site_header = "Pathways editors"
admin.site.site_title = "Pathways editors"
admin.site.index_title = "Content"

__all__ = ["hubs", "pathways", "roles"]
