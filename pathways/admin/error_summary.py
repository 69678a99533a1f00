"""Every error of a refused save, listed once at the top of the change form.

The pathway form is long: an error on a FAQ far below would otherwise go
unseen. Each entry says where the error is and links to the field (or to
the row or section, for errors about a row or a whole list).
"""

from dataclasses import dataclass


@dataclass(frozen=True)
class ErrorLink:
    where: str
    message: str
    target: str  # the id of the element the link jumps to


def error_summary(adminform, inline_admin_formsets, form_id):
    """The errors of the main form and its inlines, in page order."""
    links = _form_errors(adminform.form, where="", row_target=form_id)
    for inline in inline_admin_formsets:
        formset = inline.formset
        section = str(inline.opts.verbose_name_plural).capitalize()
        links += [
            ErrorLink(section, str(message), f"{formset.prefix}-group")
            for message in formset.non_form_errors()
        ]
        for number, form in enumerate(formset.forms):
            if form.errors:
                where = f"{str(inline.opts.verbose_name).capitalize()} {number + 1}"
                links += _form_errors(form, where, row_target=f"{formset.prefix}-{number}")
    return links


def _form_errors(form, where, row_target):
    links = []
    for name, errors in form.errors.items():
        field = form.fields.get(name)
        if field is None or field.widget.is_hidden:
            # Errors about the whole form or row (a stale save, a clash of roles).
            links += [ErrorLink(where, str(message), row_target) for message in errors]
            continue
        label = str(field.label or name).capitalize()
        label = f"{where}: {label}" if where else label
        links += [ErrorLink(label, str(message), form[name].id_for_label) for message in errors]
    return links
