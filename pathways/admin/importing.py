"""Importing a source page pasted or uploaded in the admin.

The same parser and importer as ``manage.py import_pathways``: the page is
parsed, a dry run shows what would be created or changed, and a second button
imports it for real.
"""

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.shortcuts import redirect
from django.urls import reverse
from django.views.generic import FormView

from .. import importing, sourcetext
from .forms import SourceTextForm

CONFIRM = "_import"


def parse(source: str, name: str):
    """The records in one source page; raises ``SourceError`` (``file:line: message``)."""
    return [sourcetext.parse_text(source, path=name, known_names=importing.known_names())]


class ImportSourceTextView(FormView):
    """Preview (dry run) first; import on confirmation."""

    form_class = SourceTextForm
    template_name = "admin/pathways/pathway/import_source.html"
    model_admin = None

    def dispatch(self, request, *args, **kwargs):
        admin = self.model_admin
        if not (admin.has_add_permission(request) and admin.has_change_permission(request)):
            raise PermissionDenied
        return super().dispatch(request, *args, **kwargs)

    def get_context_data(self, **kwargs):
        opts = self.model_admin.model._meta
        return super().get_context_data(
            **self.model_admin.admin_site.each_context(self.request),
            opts=opts,
            title="Import source text",
            confirm=CONFIRM,
            **kwargs,
        )

    def form_valid(self, form):
        source, name = form.cleaned_data["source"], form.cleaned_data["name"]
        force = form.cleaned_data["force"]
        try:
            records = parse(source, name)
            if CONFIRM in self.request.POST:
                report = importing.import_records(records, force=force, path=name)
            else:
                report = importing.import_records(records, force=force, dry_run=True, path=name)
        except sourcetext.SourceError as error:
            return self.render_to_response(self.get_context_data(form=form, errors=[str(error)]))
        except importing.ImportFailed as failure:
            return self.render_to_response(self.get_context_data(form=form, errors=failure.errors))

        if CONFIRM in self.request.POST:
            messages.success(self.request, f"Imported: {summary(report)}.")
            return redirect(reverse("admin:pathways_pathway_changelist"))
        # Show the text again (an upload cannot be re-sent), ready to confirm.
        confirm_form = SourceTextForm(initial={"text": source, "force": force})
        return self.render_to_response(
            self.get_context_data(form=confirm_form, report=report, records=records)
        )


def summary(report) -> str:
    parts = [
        f"{label} {', '.join(slugs)}"
        for label, slugs in [
            ("created", report.created),
            ("updated", report.updated),
            ("unchanged", report.unchanged),
            ("kept as edited in the admin", report.skipped),
            ("kept for their pending draft", report.held),
            ("hubs changed", report.hubs),
        ]
        if slugs
    ]
    return "; ".join(parts) or "nothing to change"
