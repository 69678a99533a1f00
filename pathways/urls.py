"""The public site's URLs."""

from django.contrib.sitemaps.views import index, sitemap
from django.templatetags.static import static
from django.urls import path, register_converter
from django.views.generic import RedirectView, TemplateView

from . import views
from .addresses import AddressConverter
from .api import views as api
from .sitemaps import SITEMAPS
from .views.compare import CompareView

app_name = "pathways"

# Role and pathway addresses in any script (see pathways.addresses).
register_converter(AddressConverter, "address")


class FaviconRedirect(RedirectView):
    """Browsers ask for /favicon.ico whatever the page links: send them to the site's icon.

    Its address is looked up per request: with the manifest storage it carries a
    content hash, known only once collectstatic has run.
    """

    def get_redirect_url(self, *args, **kwargs):
        return static("favicon.svg")


urlpatterns = [
    path("", views.HomeView.as_view(), name="home"),
    path("pathways/<address:slug>/", views.GuideView.as_view(), name="guide"),
    path("pathways/<address:slug>/view", views.count_view, name="count_view"),
    path("pathways/<address:slug>/calendar.ics", views.guide_calendar, name="calendar"),
    path(
        "pathways/<address:slug>/share-<int:version>.png",
        views.share_card,
        name="share_image",
    ),
    path("become/<address:slug>/", views.HubView.as_view(), name="hub"),
    path("from/", views.StartingRoleSearchView.as_view(), name="from_role_choice"),
    path("from/<address:slug>/", views.FromRoleView.as_view(), name="from_role"),
    path("search/", views.SearchView.as_view(), name="search"),
    path("compare/", CompareView.as_view(), name="compare"),
    # The open-data API (docs/api.md).
    path("api/v1/pathways/", api.PathwayListView.as_view(), name="api_pathways"),
    path("api/v1/pathways/<address:slug>/", api.PathwayView.as_view(), name="api_pathway"),
    path("api/v1/roles/<address:slug>/", api.RoleView.as_view(), name="api_role"),
    path("api/v1/openapi.json", api.OpenApiView.as_view(), name="api_openapi"),
    path("favicon.ico", FaviconRedirect.as_view(), name="favicon"),
    path(
        "sitemap.xml",
        index,
        {"sitemaps": SITEMAPS, "sitemap_url_name": "pathways:sitemap_section"},
        name="sitemap",
    ),
    path(
        "sitemap-<slug:section>.xml",
        sitemap,
        {"sitemaps": SITEMAPS},
        name="sitemap_section",
    ),
    path(
        "robots.txt",
        TemplateView.as_view(template_name="robots.txt", content_type="text/plain"),
        name="robots",
    ),
]
