"""The order of a guide's parts in the admin: new rows go last.

A part's ``order`` defaults to 0, so a row added with its number left empty
(or at 0) would sort before every other row. Such rows are numbered after the
highest number in the list instead, in the order they were added. The change
form's script does the same as soon as a row is added; this is the rule for
rows saved without it.
"""

from django import forms


class OrderedPartForm(forms.ModelForm):
    """A guide part whose order number may be left empty for "at the end"."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if "order" in self.fields:
            self.fields["order"].required = False
            self.fields["order"].help_text = "Left empty: after the others."

    def has_changed(self):
        # A new row holding nothing but the number the script gave it is still
        # an empty row, to be ignored like any other.
        if self.instance.pk is None:
            return any(name != "order" for name in self.changed_data)
        return super().has_changed()


class OrderedPartFormSet(forms.BaseInlineFormSet):
    """Numbers the rows saved without an order after all the others."""

    def clean(self):
        self._number_unplaced_rows()
        super().clean()

    def _number_unplaced_rows(self):
        kept = [
            form
            for form in self.forms
            if getattr(form, "cleaned_data", None) and not self._should_delete_form(form)
        ]
        unplaced = [form for form in kept if _is_unplaced(form)]
        placed = [form.cleaned_data["order"] for form in kept if form not in unplaced]
        following = max(placed, default=0) + 1
        for form in unplaced:
            form.cleaned_data["order"] = following
            form.instance.order = following
            following += 1


def _is_unplaced(form):
    order = form.cleaned_data.get("order")
    if order is None:
        return True
    # 0 is the model's default: on a new row it means nobody chose a number.
    return order == 0 and form.instance.pk is None
