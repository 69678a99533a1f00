"""A pathway's revisions in the admin: the list, what each changed, and going back to one."""

from itertools import groupby

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.core.paginator import Paginator
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect
from django.urls import reverse
from django.views.generic import TemplateView

from .. import revisions
from ..models import Pathway

PER_PAGE = 25


def changes_by_part(changes) -> list[tuple[str, list]]:
    """[(part, [change, ...])] in the order ``revisions.diff`` gives them."""
    return [(part, list(rows)) for part, rows in groupby(changes, key=lambda c: c.part)]


class PathwayRevisionsView(TemplateView):
    """Base: the pathway in the address, seen by those who may view pathways."""

    model_admin = None
    may = "view"

    def dispatch(self, request, *args, **kwargs):
        self.pathway = get_object_or_404(Pathway, pk=kwargs["object_id"])
        admin = self.model_admin
        allowed = (
            admin.has_change_permission(request, self.pathway)
            if self.may == "change"
            else admin.has_view_permission(request, self.pathway)
        )
        if not allowed:
            raise PermissionDenied
        self.versions = revisions.versions_of(self.pathway)
        return super().dispatch(request, *args, **kwargs)

    def version(self):
        """The version named in the address, with the one recorded before it (or None)."""
        for index, version in enumerate(self.versions):
            if str(version.pk) == str(self.kwargs["version_id"]):
                older = self.versions[index + 1] if index + 1 < len(self.versions) else None
                return version, older
        raise Http404("No such revision of this pathway.")

    def get_context_data(self, **kwargs):
        return super().get_context_data(
            **self.model_admin.admin_site.each_context(self.request),
            opts=Pathway._meta,
            pathway=self.pathway,
            may_revert=self.model_admin.has_change_permission(self.request, self.pathway),
            **kwargs,
        )


class RevisionListView(PathwayRevisionsView):
    template_name = "admin/pathways/pathway/revisions.html"

    def get_context_data(self, **kwargs):
        page = Paginator(self.versions, PER_PAGE).get_page(self.request.GET.get("page"))
        start = page.start_index() - 1 if self.versions else 0
        rows = [
            (version, start + offset + 1 < len(self.versions))
            for offset, version in enumerate(page.object_list)
        ]
        return super().get_context_data(title="Revisions", page=page, rows=rows, **kwargs)


class RevisionCompareView(PathwayRevisionsView):
    template_name = "admin/pathways/pathway/revisions_compare.html"

    def get_context_data(self, **kwargs):
        version, older = self.version()
        if older is None:
            raise Http404("The first revision has none before it.")
        return super().get_context_data(
            title="Compare with the previous revision",
            version=version,
            older=older,
            parts=changes_by_part(revisions.diff(older, version)),
            **kwargs,
        )


class RevisionRevertView(PathwayRevisionsView):
    """A confirmation showing what would change; reverting on POST."""

    template_name = "admin/pathways/pathway/revisions_revert.html"
    may = "change"

    def get_context_data(self, **kwargs):
        version, _ = self.version()
        return super().get_context_data(
            title="Revert to this revision",
            version=version,
            parts=changes_by_part(revisions.changes_on_revert(version)),
            **kwargs,
        )

    def post(self, request, *args, **kwargs):
        version, _ = self.version()
        revisions.revert(version, request.user)
        when = version.revision.date_created.strftime("%Y-%m-%d %H:%M")
        messages.success(request, f"“{self.pathway}” was reverted to the revision of {when}.")
        return redirect(reverse("admin:pathways_pathway_change", args=[self.pathway.pk]))
