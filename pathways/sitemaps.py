"""The sitemap: an index of sections (home, hubs, guides), each split into files.

Search engines take at most 50,000 addresses a file; ``URLS_PER_FILE`` keeps
each file well under that and a megabyte. Each section names its latest change
(``lastmod``) in the index with one aggregate query, not by reading its rows.
"""

from django.contrib.sitemaps import Sitemap
from django.db.models import Max
from django.urls import reverse

from . import queries
from .models import Pathway

URLS_PER_FILE = 5_000


class HomeSitemap(Sitemap):
    changefreq = "weekly"
    priority = 1.0

    def items(self):
        return ["pathways:home"]

    def location(self, item):
        return reverse(item)

    def lastmod(self, item):
        # The home page lists the hubs, which change with their published paths.
        return Pathway.objects.published().aggregate(latest=Max("updated_at"))["latest"]


class HubSitemap(Sitemap):
    changefreq = "weekly"
    priority = 0.8
    limit = URLS_PER_FILE

    def items(self):
        return queries.hub_roles().only("slug", "updated_at")

    def lastmod(self, role):
        return role.updated_at

    def get_latest_lastmod(self):
        return queries.hub_roles().order_by().aggregate(latest=Max("updated_at"))["latest"]


class GuideSitemap(Sitemap):
    changefreq = "monthly"
    priority = 0.6

    limit = URLS_PER_FILE

    def items(self):
        return Pathway.objects.published().only("slug", "updated_at").order_by("slug")

    def lastmod(self, pathway):
        return pathway.updated_at

    def get_latest_lastmod(self):
        return Pathway.objects.published().aggregate(latest=Max("updated_at"))["latest"]


SITEMAPS = {"home": HomeSitemap, "hubs": HubSitemap, "guides": GuideSitemap}
