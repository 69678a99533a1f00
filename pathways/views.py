"""Public pages."""

from django.shortcuts import get_object_or_404
from django.views.generic import DetailView, TemplateView

from .models import Pathway, Role


class HomeView(TemplateView):
    template_name = "pathways/home.html"


class GuideView(DetailView):
    template_name = "pathways/guide.html"
    context_object_name = "pathway"

    def get_queryset(self):
        return Pathway.objects.published()


class HubView(DetailView):
    template_name = "pathways/hub.html"
    context_object_name = "role"

    def get_object(self, queryset=None):
        return get_object_or_404(Role, slug=self.kwargs["slug"])
