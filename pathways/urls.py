"""The public site's URLs."""

from django.contrib.sitemaps.views import sitemap
from django.urls import path
from django.views.generic import TemplateView

from . import views
from .sitemaps import SITEMAPS

app_name = "pathways"

urlpatterns = [
    path("", views.HomeView.as_view(), name="home"),
    path("pathways/<slug:slug>/", views.GuideView.as_view(), name="guide"),
    path("pathways/<slug:slug>/view", views.count_view, name="count_view"),
    path("become/<slug:slug>/", views.HubView.as_view(), name="hub"),
    path("from/", views.StartingRoleRedirectView.as_view(), name="from_role_choice"),
    path("from/<slug:slug>/", views.FromRoleView.as_view(), name="from_role"),
    path("search/", views.SearchView.as_view(), name="search"),
    path("sitemap.xml", sitemap, {"sitemaps": SITEMAPS}, name="sitemap"),
    path(
        "robots.txt",
        TemplateView.as_view(template_name="robots.txt", content_type="text/plain"),
        name="robots",
    ),
]
