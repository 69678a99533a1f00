"""The pathway admin: a whole guide on one screen, with every part inline."""

import json

import reversion
from django.contrib import admin, messages
from django.contrib.admin.models import LogEntry
from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import Exists, F, OuterRef
from django.urls import path
from django.utils import timezone
from django.utils.html import format_html

from .. import caching, revisions, search
from ..models import (
    FAQ,
    ActionItem,
    Pathway,
    RealityCheckItem,
    RoadmapPhase,
    Skill,
    TransferableSkill,
)
from .checks import ContentChecksView
from .concurrency import locked
from .drafts import PendingChangeAdminMixin
from .error_summary import error_summary
from .forms import FAQForm, PathwayForm, RoadmapPhaseForm, RoadmapPhaseFormSet, SkillForm
from .importing import ImportSourceTextView
from .ordering import OrderedPartForm, OrderedPartFormSet
from .revisions import RevisionCompareView, RevisionListView, RevisionRevertView
from .widgets import MarkdownEditorMixin


class StartingRoleFilter(admin.RelatedOnlyFieldListFilter):
    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.title = "starting role"


class TargetRoleFilter(admin.RelatedOnlyFieldListFilter):
    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.title = "target role"


class NeedsReviewFilter(admin.SimpleListFilter):
    """Pathways with FAQ questions the importer inferred and nobody has confirmed."""

    title = "needs review"
    parameter_name = "needs_review"

    def lookups(self, request, model_admin):
        return [("yes", "FAQs to review"), ("no", "Nothing to review")]

    def queryset(self, request, queryset):
        if self.value() == "yes":
            return queryset.filter(needs_review=True)
        if self.value() == "no":
            return queryset.filter(needs_review=False)
        return queryset


def needs_review_label(needed):
    """An amber label, not a tick: an inferred question is work still to do."""
    if not needed:
        return ""
    return format_html('<span class="needs-review-label">{}</span>', "Needs review")


class OrderedPartsMixin:
    """Inlines whose rows editors reorder (by dragging or with move buttons): a
    new row goes last, and each list opens and closes as a section."""

    form = OrderedPartForm
    formset = OrderedPartFormSet
    classes = ["collapse", "ordered-parts"]


class GuidePartInline(OrderedPartsMixin, MarkdownEditorMixin, admin.StackedInline):
    extra = 0
    show_change_link = False


class TransferableSkillInline(GuidePartInline):
    model = TransferableSkill
    fields = [("name", "order"), "description"]


class SkillInline(GuidePartInline):
    model = Skill
    form = SkillForm
    verbose_name = "skill to learn"
    verbose_name_plural = "skills to learn"
    fields = [("name", "priority", "weeks", "order"), "description"]


class RoadmapPhaseInline(GuidePartInline):
    model = RoadmapPhase
    form = RoadmapPhaseForm
    formset = RoadmapPhaseFormSet
    verbose_name = "roadmap phase"
    fields = [("order", "title", "weeks"), ("tasks", "resources")]


class RealityCheckInline(OrderedPartsMixin, MarkdownEditorMixin, admin.TabularInline):
    model = RealityCheckItem
    extra = 0
    verbose_name = "reality-check item"
    fields = ["kind", "text", "order"]


class ActionItemInline(OrderedPartsMixin, MarkdownEditorMixin, admin.TabularInline):
    model = ActionItem
    extra = 0
    verbose_name = "action-plan item"
    fields = ["when", "text", "order"]


class FAQInline(GuidePartInline):
    model = FAQ
    form = FAQForm
    fields = [("question", "question_inferred", "review", "order"), "answer"]
    readonly_fields = ["review"]

    @admin.display(description="review")
    def review(self, obj):
        return needs_review_label(obj.question_inferred)


@admin.register(Pathway)
class PathwayAdmin(PendingChangeAdminMixin, MarkdownEditorMixin, admin.ModelAdmin):
    form = PathwayForm
    list_display = [
        "title",
        "from_role",
        "to_role",
        "status",
        "difficulty",
        "needs_review_flag",
        "last_reviewed",
        "updated_at",
    ]
    list_select_related = ["from_role", "to_role"]
    list_filter = [
        ("from_role", StartingRoleFilter),
        ("to_role", TargetRoleFilter),
        "difficulty",
        "status",
        NeedsReviewFilter,
    ]
    search_fields = ["title", "slug", "from_role__name", "to_role__name", "overview"]
    autocomplete_fields = ["from_role", "to_role"]
    readonly_fields = ["version", "views", "created_at", "updated_at"]
    actions = ["publish", "unpublish", "confirm_faq_questions", "mark_reviewed"]
    fieldsets = [
        (
            None,
            {
                "fields": [
                    "title",
                    "slug",
                    ("from_role", "to_role"),
                    ("status", "has_guide"),
                    ("guide_months", "last_reviewed"),
                    "loaded_version",
                ]
            },
        ),
        (
            "At a glance",
            {
                "fields": [
                    "difficulty",
                    ("timeline_text", "timeline_min_months", "timeline_max_months"),
                    ("salary_change_text", "salary_min_percent", "salary_max_percent"),
                    "demand",
                ]
            },
        ),
        ("Overview", {"fields": ["overview"]}),
        (
            "Record",
            {
                "classes": ["collapse"],
                "fields": [("version", "views"), ("created_at", "updated_at")],
            },
        ),
    ]
    inlines = [
        TransferableSkillInline,
        SkillInline,
        RoadmapPhaseInline,
        RealityCheckInline,
        ActionItemInline,
        FAQInline,
    ]

    class Media:
        css = {"all": ["admin-extra/pathway-admin.css"]}

    def get_queryset(self, request):
        waiting = FAQ.objects.filter(pathway=OuterRef("pk"), question_inferred=True)
        return super().get_queryset(request).annotate(needs_review=Exists(waiting))

    def get_object(self, request, object_id, from_field=None):
        if request.method != "POST":
            return super().get_object(request, object_id, from_field)
        # A save locks the row until it commits, so a concurrent save of the same
        # pathway waits, then sees the new version and is refused.
        queryset = locked(self.get_queryset(request))
        field = Pathway._meta.pk if from_field is None else Pathway._meta.get_field(from_field)
        try:
            return queryset.get(**{field.name: field.to_python(object_id)})
        except (Pathway.DoesNotExist, ValidationError, ValueError):
            return None

    @admin.display(description="needs review", ordering="needs_review")
    def needs_review_flag(self, obj):
        return needs_review_label(obj.needs_review)

    def render_change_form(self, request, context, add=False, change=False, **kwargs):
        context["error_summary"] = error_summary(
            context["adminform"], context["inline_admin_formsets"], form_id="pathway_form"
        )
        return super().render_change_form(request, context, add, change, **kwargs)

    def save_model(self, request, obj, form, change):
        if change:
            obj.version = form.cleaned_data["loaded_version"] + 1
        super().save_model(request, obj, form, change)

    def save_related(self, request, form, formsets, change):
        super().save_related(request, form, formsets, change)
        # The pathway was indexed when saved, before its parts: again with them.
        search.update_index([form.instance.pk])
        if form.has_changed() or any(formset.has_changed() for formset in formsets):
            message = self.construct_change_message(request, form, formsets, not change)
            comment = LogEntry(change_message=json.dumps(message)).get_change_message()
            with reversion.create_revision():
                revisions.record([form.instance], comment, request.user)

    def response_action(self, request, queryset, *args, **kwargs):
        """Run a list action inside a revision that records each pathway it changes."""
        action = self.get_actions(request).get(request.POST.get("action", ""))
        with transaction.atomic(), reversion.create_revision():
            if action:
                reversion.set_comment(f"{action.description}, from the list")
            reversion.set_user(request.user)
            return super().response_action(request, queryset, *args, **kwargs)

    def get_urls(self):
        view = self.admin_site.admin_view(ImportSourceTextView.as_view(model_admin=self))
        checks = self.admin_site.admin_view(ContentChecksView.as_view(model_admin=self))
        wrap = self.admin_site.admin_view
        return [
            path("import/", view, name="pathways_pathway_import"),
            path("checks/", checks, name="pathways_pathway_checks"),
            path(
                "<int:object_id>/revisions/",
                wrap(RevisionListView.as_view(model_admin=self)),
                name="pathways_pathway_revisions",
            ),
            path(
                "<int:object_id>/revisions/<int:version_id>/compare/",
                wrap(RevisionCompareView.as_view(model_admin=self)),
                name="pathways_pathway_revision_compare",
            ),
            path(
                "<int:object_id>/revisions/<int:version_id>/revert/",
                wrap(RevisionRevertView.as_view(model_admin=self)),
                name="pathways_pathway_revision_revert",
            ),
            *super().get_urls(),
        ]

    def _bulk_update(self, queryset, **changes):
        """Update in one query; move versions on, so open forms notice and pages change."""
        ids = list(queryset.values_list("pk", flat=True))
        count = Pathway.objects.filter(pk__in=ids).update(version=F("version") + 1, **changes)
        caching.move_content_version_on()
        revisions.add_pathways(ids)
        return count

    @admin.action(description="Publish selected pathways", permissions=["change"])
    def publish(self, request, queryset):
        count = self._bulk_update(queryset, status=Pathway.Status.PUBLISHED)
        self.message_user(request, f"{count} pathway(s) published.", messages.SUCCESS)

    @admin.action(description="Return selected pathways to draft", permissions=["change"])
    def unpublish(self, request, queryset):
        count = self._bulk_update(queryset, status=Pathway.Status.DRAFT)
        self.message_user(request, f"{count} pathway(s) returned to draft.", messages.SUCCESS)

    @admin.action(description="Confirm inferred FAQ questions", permissions=["change"])
    def confirm_faq_questions(self, request, queryset):
        faqs = FAQ.objects.filter(pathway__in=queryset, question_inferred=True)
        count = faqs.update(question_inferred=False)
        self._bulk_update(Pathway.objects.filter(pk__in=queryset.values("pk")))
        self.message_user(request, f"{count} FAQ question(s) confirmed.", messages.SUCCESS)

    @admin.action(description="Mark selected guides reviewed today", permissions=["change"])
    def mark_reviewed(self, request, queryset):
        count = self._bulk_update(queryset, last_reviewed=timezone.localdate())
        self.message_user(request, f"{count} guide(s) marked reviewed today.", messages.SUCCESS)
