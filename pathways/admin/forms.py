"""Admin forms: clear validation messages and refusal of stale pathway saves."""

from django import forms
from django.core.exceptions import NON_FIELD_ERRORS, ValidationError
from django.utils import timezone

from .. import revisions, sourcetext
from ..addresses import pathway_slug
from ..models import FAQ, Pathway, RoadmapPhase, Skill
from .concurrency import stale_edit_message
from .ordering import OrderedPartForm, OrderedPartFormSet

WEEKS_MESSAGE = "Weeks must be more than 0."


def weeks_field():
    """A number of weeks: at least one, with a message editors understand."""
    return forms.IntegerField(
        min_value=1,
        max_value=32767,
        error_messages={"min_value": WEEKS_MESSAGE},
        help_text="How many weeks; at least 1.",
    )


class PathwayForm(forms.ModelForm):
    """The pathway change form, carrying the version it was loaded with.

    The admin locks the pathway row before this form is validated, so comparing
    the submitted version with the stored one cannot race with another save.
    """

    loaded_version = forms.IntegerField(widget=forms.HiddenInput, required=False)

    class Meta:
        model = Pathway
        fields = [
            "title",
            "slug",
            "from_role",
            "to_role",
            "status",
            "has_guide",
            "guide_months",
            "last_reviewed",
            "difficulty",
            "timeline_text",
            "timeline_min_months",
            "timeline_max_months",
            "salary_change_text",
            "salary_min_percent",
            "salary_max_percent",
            "demand",
            "overview",
        ]
        error_messages = {
            "slug": {
                "unique": "Another pathway already uses this slug: choose a different one.",
            },
            NON_FIELD_ERRORS: {
                "unique_together": (
                    "A pathway between these two roles already exists: edit that one instead."
                ),
            },
        }

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if self.instance.pk:
            self.fields["loaded_version"].initial = self.instance.version
            self.fields["loaded_version"].required = True
        if "slug" in self.fields:
            self.fields["slug"].required = False
            self.fields[
                "slug"
            ].help_text = "The page address. Left empty: made from the two roles, as imports do."

    def clean_last_reviewed(self):
        # A date to come would keep the guide off the checks page for years.
        reviewed = self.cleaned_data["last_reviewed"]
        if reviewed is not None and reviewed > timezone.localdate():
            raise ValidationError("A guide cannot be reviewed later than today.")
        return reviewed

    def clean(self):
        cleaned_data = super().clean()
        # Filled here rather than when saving, so the address is checked for
        # uniqueness and length like one typed in.
        from_role, to_role = cleaned_data.get("from_role"), cleaned_data.get("to_role")
        if not cleaned_data.get("slug") and "slug" not in self.errors and from_role and to_role:
            cleaned_data["slug"] = pathway_slug(from_role.slug, to_role.slug)
        loaded = cleaned_data.get("loaded_version")
        if self.instance.pk and loaded is not None and loaded != self.instance.version:
            self.conflict_changes = changes_since(self.instance, loaded)
            raise ValidationError(stale_edit_message("pathway"), code="stale")
        return cleaned_data


def changes_since(pathway, loaded: int) -> list:
    """What others saved since the editor loaded version ``loaded``, field by field.

    Every admin save records a revision (``pathways.revisions``): the state
    the editor loaded is the newest revision holding that version number. With
    none recorded (a pathway older than revisions), nothing can be listed.
    """
    versions = revisions.versions_of(pathway)
    older = next((v for v in versions if v.field_dict.get("version") == loaded), None)
    if older is None or versions[0] == older:
        return []
    return revisions.diff(older, versions[0])


class SkillForm(OrderedPartForm):
    weeks = weeks_field()

    class Meta:
        model = Skill
        fields = ["name", "priority", "weeks", "order", "description"]


class RoadmapPhaseForm(OrderedPartForm):
    weeks = weeks_field()

    class Meta:
        model = RoadmapPhase
        fields = ["order", "title", "weeks", "tasks", "resources"]

    def validate_unique(self):
        # The phase formset checks order numbers across all phases at once, so
        # editors can swap two phases' numbers in one save.
        pass

    def validate_constraints(self):
        pass


class RoadmapPhaseFormSet(OrderedPartFormSet):
    """Phases of one pathway: each order number used once; reordering allowed."""

    def clean(self):
        super().clean()  # numbers the phases added without one first
        seen = {}
        for form in self.forms:
            if not hasattr(form, "cleaned_data") or not form.cleaned_data:
                continue
            if self._should_delete_form(form):
                continue
            order = form.cleaned_data.get("order")
            if order is None:
                continue
            if order in seen:
                raise ValidationError(
                    f"Two phases have order {order} (“{seen[order]}” and "
                    f"“{form.cleaned_data.get('title', '')}”): give each phase its own number.",
                    code="duplicate_order",
                )
            seen[order] = form.cleaned_data.get("title", "")

    def validate_unique(self):
        # clean() above reports duplicate orders with a clearer message.
        pass

    def save_existing_objects(self, commit=True):
        if commit:
            self._park_moved_phases()
        return super().save_existing_objects(commit)

    def _park_moved_phases(self):
        """Move renumbered or deleted phases out of the way before saving.

        The database allows one phase per order number at every moment, so a
        swap (1 to 2 and 2 to 1) would collide half-way without this.
        """
        moving = [
            form.instance.pk
            for form in self.initial_forms
            if form.instance.pk and (self._should_delete_form(form) or "order" in form.changed_data)
        ]
        for offset, pk in enumerate(moving):
            RoadmapPhase.objects.filter(pk=pk).update(order=30000 + offset)


class FAQForm(OrderedPartForm):
    """A FAQ; rewriting an inferred question counts as reviewing it."""

    class Meta:
        model = FAQ
        fields = ["question", "question_inferred", "order", "answer"]

    def clean(self):
        cleaned_data = super().clean()
        if "question" in self.changed_data and "question_inferred" not in self.changed_data:
            cleaned_data["question_inferred"] = False
        return cleaned_data


class SourceTextForm(forms.Form):
    """A source page to import: pasted text or an uploaded .txt file."""

    MAX_BYTES = sourcetext.MAX_BYTES

    text = forms.CharField(
        label="Paste the page text",
        widget=forms.Textarea(attrs={"rows": 16, "cols": 100}),
        required=False,
        strip=False,
    )
    upload = forms.FileField(label="…or upload a .txt file", required=False)
    force = forms.BooleanField(
        label="Replace pathways edited in the admin",
        required=False,
        help_text="Off: pathways editors have changed since the last import are kept as edited.",
    )

    def clean_upload(self):
        upload = self.cleaned_data.get("upload")
        if upload is None:
            return None
        if upload.size > self.MAX_BYTES:
            raise ValidationError("The file is larger than 1 MB; is it really a source page?")
        try:
            return upload.read().decode("utf-8")
        except UnicodeDecodeError:
            raise ValidationError("The file is not UTF-8 text.") from None

    def clean(self):
        cleaned_data = super().clean()
        text = cleaned_data.get("text") or ""
        uploaded = cleaned_data.get("upload")
        if self.errors:
            return cleaned_data
        if text.strip() and uploaded:
            raise ValidationError("Paste the text or upload a file, not both.")
        if not text.strip() and not uploaded:
            raise ValidationError("Paste the page text or choose a file to upload.")
        cleaned_data["source"] = uploaded or text
        cleaned_data["name"] = self.files["upload"].name if uploaded else "<pasted>"
        return cleaned_data
