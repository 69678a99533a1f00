"""The pathway change form's pending changes: save as draft, preview, publish, discard.

A pathway with a pending change opens with the change's values (the editor
goes on where they left off): the pathway's fields from the snapshot, and
each inline's parts as new rows, the live rows being replaced when the form
is saved. Saving a draft or a preview rehearses the admin's own save in a
rolled-back transaction (``pathways.drafts``), so both are validated exactly
like a save and write nothing. The form remembers which pending change it was
opened with (``loaded_draft``): a save after another editor saved, published
or discarded a draft is refused like any stale save.
"""

from django import forms
from django.contrib import messages
from django.contrib.admin import widgets
from django.contrib.admin.utils import unquote
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.forms.models import model_to_dict
from django.http import Http404, HttpResponse, HttpResponseRedirect
from django.template.loader import render_to_string
from django.template.response import TemplateResponse
from django.urls import path, reverse
from django.views.decorators.http import require_POST

from .. import drafts, queries
from ..importing.loading import guide_parts, set_guide_fields
from ..importing.reading import guide_from_json
from ..models import Pathway, PendingChange, Role
from ..pace import pace_from
from ..views.pages import GuideView
from .concurrency import stale_edit_message

SAVE_DRAFT = "_save_draft"
PREVIEW_HEADERS = {"Cache-Control": "private, no-store", "X-Robots-Tag": "noindex"}


def draft_token(change: PendingChange | None) -> str:
    """Which pending change a form was opened with ("" for none)."""
    return change.created_at.isoformat() if change else ""


def with_draft_fields(base_form, current_token: str):
    """The pathway form plus when to publish and which draft it was opened with."""

    class PendingChangeForm(base_form):
        publish_at = forms.SplitDateTimeField(
            label="Publish at",
            required=False,
            widget=widgets.AdminSplitDateTime,
            help_text=(
                "With “Save as draft”: when the draft goes live by itself "
                "(checked every minute). Empty: it waits until you publish it."
            ),
        )
        loaded_draft = forms.CharField(widget=forms.HiddenInput, required=False)

        def __init__(self, *args, **kwargs):
            super().__init__(*args, **kwargs)
            self.fields["loaded_draft"].initial = current_token

        def clean(self):
            cleaned_data = super().clean()
            if cleaned_data.get("loaded_draft", "") != current_token:
                raise ValidationError(stale_edit_message("pathway's draft"), code="stale")
            return cleaned_data

    PendingChangeForm.__name__ = base_form.__name__
    return PendingChangeForm


def fill_from_record(pathway: Pathway, record: dict) -> None:
    """Give an unsaved copy of a pathway the values of a snapshot (nothing is written)."""
    roles = Role.objects.in_bulk([record["from_role"], record["to_role"]], field_name="slug")
    pathway.slug, pathway.status = record["slug"], record["status"]
    pathway.from_role = roles.get(record["from_role"], pathway.from_role)
    pathway.to_role = roles.get(record["to_role"], pathway.to_role)
    set_guide_fields(pathway, guide_from_json(record, "", ""))


def guide_preview(request, pathway_id: int) -> HttpResponse:
    """The public guide page of a pathway as it stands in this transaction, never cached.

    Rendered with the guide view's own context and template, outside its page
    cache: a preview must never be stored under a content version.
    """
    slug = Pathway.objects.values_list("slug", flat=True).get(pk=pathway_id)
    view = GuideView()
    view.setup(request, slug=slug)
    view.pace = pace_from(None)
    view.object = queries.guide(slug)
    view.preview = view.object.status != queries.PUBLISHED
    html = render_to_string(view.template_name, view.get_context_data(object=view.object), request)
    return HttpResponse(html, headers=PREVIEW_HEADERS)


class PendingChangeAdminMixin:
    """For ``PathwayAdmin``: pending changes on the change form (see the module docstring)."""

    change_form_template = "admin/pathways/pathway/change_form_drafts.html"

    # What the request is doing, kept on the request (one admin serves every request).

    def _pending(self, request) -> PendingChange | None:
        return getattr(request, "pending_change", None)

    def changeform_view(self, request, object_id=None, form_url="", extra_context=None):
        if object_id is None:
            return super().changeform_view(request, object_id, form_url, extra_context)
        pk = self._pk(object_id)
        request.pending_change = PendingChange.objects.filter(pathway_id=pk).first()
        extra_context = {**(extra_context or {}), "pending_change": request.pending_change}
        if request.method == "POST" and SAVE_DRAFT in request.POST:
            return self._save_draft(request, pk, object_id, extra_context)
        return super().changeform_view(request, object_id, form_url, extra_context)

    def _pk(self, object_id):
        try:
            return Pathway._meta.pk.to_python(unquote(object_id))
        except ValidationError:
            raise Http404("No such pathway") from None

    def _rehearse(self, request, pk, object_id, form_url, extra_context, keep):
        """The admin's save of this request, rolled back; ``keep`` reads what it wrote.

        Returns the admin's response (rendered: the change form with errors, or
        a redirect) and what ``keep`` returned, or None if nothing was saved.
        The pathway stays locked until the caller's transaction ends.
        """
        Pathway.objects.select_for_update().filter(pk=pk).first()
        request.rehearsal = {"keep": keep}
        with drafts.rolled_back():
            response = super().changeform_view(request, object_id, form_url, extra_context)
            if isinstance(response, TemplateResponse):
                response.render()
        return response, request.rehearsal.get("kept")

    @transaction.atomic
    def _save_draft(self, request, pk, object_id, extra_context):
        def keep(form):
            return drafts.snapshot(pk), form.cleaned_data.get("publish_at")

        response, kept = self._rehearse(request, pk, object_id, "", extra_context, keep)
        if kept is None:
            return response
        record, publish_at = kept
        PendingChange.objects.filter(pathway_id=pk).delete()
        PendingChange.objects.create(
            pathway_id=pk, record=record, created_by=request.user, publish_at=publish_at
        )
        when = f" It goes live at {publish_at:%Y-%m-%d %H:%M %Z}." if publish_at else ""
        self.message_user(
            request,
            f"Draft saved: visitors still see the published guide.{when}",
            messages.SUCCESS,
        )
        return HttpResponseRedirect(request.path)

    def response_change(self, request, obj):
        if hasattr(request, "rehearsal"):
            # Rolled back: nothing was changed, so no "changed successfully" message.
            return HttpResponseRedirect(request.path)
        return super().response_change(request, obj)

    def log_change(self, request, obj, message):
        if not hasattr(request, "rehearsal"):
            return super().log_change(request, obj, message)

    # The form: the draft's values when there is one

    def get_form(self, request, obj=None, change=False, **kwargs):
        pending = self._pending(request)
        if obj is not None and pending is not None and request.method == "GET":
            fill_from_record(obj, pending.record)
        if obj is not None:
            kwargs["form"] = with_draft_fields(self.form, draft_token(pending))
        return super().get_form(request, obj, change, **kwargs)

    def get_fieldsets(self, request, obj=None):
        fieldsets = super().get_fieldsets(request, obj)
        if obj is None or not self.has_change_permission(request, obj):
            return fieldsets
        return [*fieldsets, ("Publishing", {"fields": ["publish_at", "loaded_draft"]})]

    def get_formsets_with_inlines(self, request, obj=None):
        pending = self._pending(request)
        if obj is None or pending is None:
            yield from super().get_formsets_with_inlines(request, obj)
            return
        # The draft's parts are new rows: on a save they replace the live ones.
        parts = guide_parts(obj, guide_from_json(pending.record, "", ""))
        for inline in self.get_inline_instances(request, obj):
            rows = parts.get(inline.model, [])
            if request.method == "GET":
                formset = inline.get_formset(request, obj, extra=len(rows))
            else:
                formset = inline.get_formset(request, obj, extra=0)
            yield formset, inline

    def get_formset_kwargs(self, request, obj, inline, prefix):
        kwargs = super().get_formset_kwargs(request, obj, inline, prefix)
        pending = self._pending(request)
        if pending is None:
            return kwargs
        kwargs["queryset"] = inline.model.objects.none()
        if request.method == "GET":
            parts = guide_parts(obj, guide_from_json(pending.record, "", ""))
            kwargs["initial"] = [
                model_to_dict(row, exclude=["id", "pathway"]) for row in parts[inline.model]
            ]
        return kwargs

    def save_formset(self, request, form, formset, change):
        if change and self._pending(request) is not None:
            formset.model.objects.filter(pathway=form.instance).delete()
        super().save_formset(request, form, formset, change)

    def save_related(self, request, form, formsets, change):
        super().save_related(request, form, formsets, change)
        rehearsal = getattr(request, "rehearsal", None)
        if rehearsal is not None:
            rehearsal["kept"] = rehearsal["keep"](form)
        elif change and self._pending(request) is not None:
            # The form showed the draft's values, now saved: the draft is done.
            PendingChange.objects.filter(pathway=form.instance).delete()

    # Preview, publish, discard

    def get_urls(self):
        def view(function):
            return self.admin_site.admin_view(function)

        return [
            path("<path:object_id>/preview/", view(self.preview_view), name="pathways_preview"),
            path(
                "<path:object_id>/draft/publish/",
                view(require_POST(self.publish_draft_view)),
                name="pathways_publish_draft",
            ),
            path(
                "<path:object_id>/draft/discard/",
                view(require_POST(self.discard_draft_view)),
                name="pathways_discard_draft",
            ),
            *super().get_urls(),
        ]

    def _pathway(self, request, object_id, permission) -> Pathway:
        pathway = Pathway.objects.filter(pk=self._pk(object_id)).first()
        if pathway is None:
            raise Http404("No such pathway")
        if not permission(request, pathway):
            raise PermissionDenied
        return pathway

    def preview_view(self, request, object_id):
        """POST: the change form's values, unsaved. GET: the pending change, unpublished."""
        if request.method == "POST":
            return self._preview_form(request, object_id)
        pathway = self._pathway(request, object_id, self.has_view_permission)
        change = PendingChange.objects.filter(pathway=pathway).first()
        if change is None:
            raise Http404("This pathway has no pending draft")
        with transaction.atomic():
            Pathway.objects.select_for_update().filter(pk=pathway.pk).first()
            with drafts.rolled_back():
                pathway.version += 1  # so no stored HTML of the live version is used
                drafts.apply(pathway, {**change.record, "status": Pathway.Status.PUBLISHED})
                return guide_preview(request, pathway.pk)

    @transaction.atomic
    def _preview_form(self, request, object_id):
        pathway = self._pathway(request, object_id, self.has_change_permission)
        request.pending_change = PendingChange.objects.filter(pathway=pathway).first()
        change_url = reverse("admin:pathways_pathway_change", args=[pathway.pk])
        context = {"pending_change": request.pending_change}

        def keep(form):
            return guide_preview(request, pathway.pk)

        response, preview = self._rehearse(
            request, pathway.pk, object_id, change_url, context, keep
        )
        return preview or response

    @transaction.atomic
    def publish_draft_view(self, request, object_id):
        pathway = self._pathway(request, object_id, self.has_change_permission)
        if drafts.publish(pathway.pk):
            self.message_user(request, "Draft published: visitors see it now.", messages.SUCCESS)
        else:
            self.message_user(request, "There was no draft to publish.", messages.WARNING)
        return HttpResponseRedirect(reverse("admin:pathways_pathway_change", args=[pathway.pk]))

    def discard_draft_view(self, request, object_id):
        pathway = self._pathway(request, object_id, self.has_change_permission)
        if drafts.discard(pathway.pk):
            self.message_user(request, "Draft discarded.", messages.SUCCESS)
        return HttpResponseRedirect(reverse("admin:pathways_pathway_change", args=[pathway.pk]))
