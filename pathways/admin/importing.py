"""Importing a source page pasted or uploaded in the admin.

The same parser and importer as ``manage.py import_pathways``: the page is
parsed, a dry run shows what would be created or changed, and a second button
imports it for real.
"""

import unicodedata
from dataclasses import dataclass, field

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.shortcuts import redirect
from django.urls import reverse
from django.views.generic import FormView

from .. import importing, sourcetext
from ..exporting import guide_record, hub_record, hubs_for_export, pathways_for_export
from ..record_diff import diff_records
from ..revisions import FieldChange
from ..sourcetext import records as rec
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
                report = importing.import_records(
                    records, force=force, path=name, user=self.request.user
                )
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
            self.get_context_data(
                form=confirm_form,
                report=report,
                records=records,
                previews=previews(records, report),
            )
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


NEW, UPDATED, UNCHANGED, EDITED, HELD = "new", "updated", "unchanged", "edited", "held"


@dataclass
class Preview:
    """What importing one record would do to its guide or hub."""

    name: str  # "How to become …" or "Hub: …"
    outcome: str  # one of NEW, UPDATED, UNCHANGED, EDITED, HELD
    changes: list[FieldChange] = field(default_factory=list)
    counts: list[str] = field(default_factory=list)  # a new guide's parts: "6 skills to learn"
    kind: str = "guide"


def _name_key(name: str) -> str:
    # Role names match as the importer matches them: any case, any Unicode form.
    return unicodedata.normalize("NFKC", name).casefold()


def previews(records, report) -> list[Preview]:
    """For each record read, what importing it would change, field by field.

    Taken before the import (the report comes from a dry run that rolled
    back), from the same records the export and the importer's digest use.
    """
    pathways = {
        (_name_key(p.from_role.name), _name_key(p.to_role.name)): p for p in pathways_for_export()
    }
    hubs = {_name_key(h.role.name): h for h in hubs_for_export()}
    shown = []
    for record in records:
        if isinstance(record, rec.Guide):
            pathway = pathways.get((_name_key(record.from_role), _name_key(record.to_role)))
            shown.append(_guide_preview(record, pathway, report))
        elif isinstance(record, rec.Hub):
            shown.append(_hub_preview(record, hubs.get(_name_key(record.role)), report))
    return shown


def _outcome(slug: str, report) -> str:
    if slug in report.skipped:
        return EDITED
    if slug in report.held:
        return HELD
    if slug in report.unchanged:
        return UNCHANGED
    return UPDATED


def _guide_preview(record: rec.Guide, pathway, report) -> Preview:
    name = record.title or f"How to become {record.to_role}"
    if pathway is not None and pathway.has_guide:
        # Kept ones list what forcing the import would overwrite.
        changes = diff_records(guide_record(pathway), record)
        outcome = _outcome(pathway.slug, report)
        return Preview(name, outcome if changes or outcome != UPDATED else UNCHANGED, changes)
    if pathway is not None and pathway.slug in report.held:
        return Preview(name, HELD)
    counts = [
        _count(len(record.skills_to_learn), "skill to learn", "skills to learn"),
        _count(len(record.roadmap), "roadmap phase", "roadmap phases"),
        _count(len(record.faqs), "FAQ", "FAQs"),
    ]
    return Preview(name, NEW, counts=counts)


def _count(number: int, one: str, many: str) -> str:
    return f"{number} {one if number == 1 else many}"


def _hub_preview(record: rec.Hub, hub, report) -> Preview:
    name = f"Hub: {record.role}"
    if hub is None:
        counts = [_count(len(record.pathways), "pathway", "pathways")]
        return Preview(name, NEW, counts=counts, kind="hub")
    current = hub_record(hub)
    if f"hub {hub.role.slug}" in report.skipped:
        outcome = EDITED
    elif hub.role.slug in report.hubs:
        outcome = UPDATED
    else:
        return Preview(name, UNCHANGED, kind="hub")
    return Preview(name, outcome, diff_records(current, record, "hub"), kind="hub")
