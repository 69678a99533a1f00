from django.urls import path

from . import views

app_name = "pathways"

urlpatterns = [
    path("", views.HomeView.as_view(), name="home"),
    path("pathways/<slug:slug>/", views.GuideView.as_view(), name="guide"),
    path("become/<slug:slug>/", views.HubView.as_view(), name="hub"),
]
