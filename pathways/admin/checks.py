"""The content checks page: what needs an editor's eye, with a link to fix each."""

from django.core.exceptions import PermissionDenied
from django.utils import timezone
from django.views.generic import TemplateView

from .. import content_checks


class ContentChecksView(TemplateView):
    """Every check with its findings; those who may change pathways can fix them."""

    template_name = "admin/pathways/content_checks.html"
    model_admin = None

    def dispatch(self, request, *args, **kwargs):
        if not self.model_admin.has_change_permission(request):
            raise PermissionDenied
        return super().dispatch(request, *args, **kwargs)

    def get_context_data(self, **kwargs):
        checks = content_checks.run_all(timezone.localdate())
        return super().get_context_data(
            **self.model_admin.admin_site.each_context(self.request),
            opts=self.model_admin.model._meta,
            title="Content checks",
            checks=checks,
            total=sum(len(check.findings) for check in checks),
            **kwargs,
        )
