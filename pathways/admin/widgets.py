"""Form fields and widgets of the admin: the Markdown editor, and text stored with "\n"."""

from django import forms
from django.db import models
from django.utils.html import format_html
from markdownx.models import MarkdownxField
from markdownx.widgets import AdminMarkdownxWidget

from ..text import normalise_line_endings


class MarkdownEditorWidget(AdminMarkdownxWidget):
    """markdownx's admin editor, plus our scripts for inline rows added later and uploads."""

    class Media:
        js = ["admin-extra/markdownx-rows.js", "admin-extra/markdownx-uploads.js"]

    def render(self, name, value, attrs=None, renderer=None):
        # Says the field is Markdown, and where the change form explains it.
        badge = format_html(
            '<a class="markdown-badge" href="#markdown-cheat-sheet" '
            'title="Formatted as Markdown: see how to write it">{}</a>',
            "Markdown",
        )
        return format_html("{}{}", badge, super().render(name, value, attrs, renderer))


class MultilineTextField(forms.CharField):
    """Text from a textarea, with "\n" line endings.

    Browsers submit a textarea's lines ending in "\r\n"; normalised here, an
    unchanged field compares equal to what is stored and is not recorded as changed.
    """

    def to_python(self, value):
        value = super().to_python(value)
        return normalise_line_endings(value) if isinstance(value, str) else value


class MarkdownEditorMixin:
    """For model admins and inlines: Markdown fields get the live-preview editor, and
    every multi-line text field (Markdown or plain) stores "\n" line endings."""

    formfield_overrides = {
        MarkdownxField: {"widget": MarkdownEditorWidget, "form_class": MultilineTextField},
        models.TextField: {"form_class": MultilineTextField},
    }
