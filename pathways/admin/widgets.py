"""The Markdown editor (with live preview) for every Markdown field in the admin."""

from markdownx.models import MarkdownxField
from markdownx.widgets import AdminMarkdownxWidget


class MarkdownEditorWidget(AdminMarkdownxWidget):
    """markdownx's admin editor, plus a script that starts it on inline rows added later."""

    class Media:
        js = ["admin-extra/markdownx-rows.js"]


class MarkdownEditorMixin:
    """For model admins and inlines: Markdown fields get the live-preview editor."""

    formfield_overrides = {MarkdownxField: {"widget": MarkdownEditorWidget}}
