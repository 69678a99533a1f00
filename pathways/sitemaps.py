"""The sitemap: home, every hub and every published guide."""

from django.contrib.sitemaps import Sitemap
from django.urls import reverse

from . import queries
from .models import Pathway


class HomeSitemap(Sitemap):
    changefreq = "weekly"
    priority = 1.0

    def items(self):
        return ["pathways:home"]

    def location(self, item):
        return reverse(item)


class HubSitemap(Sitemap):
    changefreq = "weekly"
    priority = 0.8

    def items(self):
        return queries.hub_roles()

    def lastmod(self, role):
        return role.updated_at


class GuideSitemap(Sitemap):
    changefreq = "monthly"
    priority = 0.6

    def items(self):
        return Pathway.objects.published().order_by("slug")

    def lastmod(self, pathway):
        return pathway.updated_at


SITEMAPS = {"home": HomeSitemap, "hubs": HubSitemap, "guides": GuideSitemap}
