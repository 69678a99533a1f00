"""Template filters and tags for the public pages."""

import json
from html import escape

from django import template
from django.contrib.humanize.templatetags.humanize import intcomma
from django.utils.html import format_html
from django.utils.safestring import mark_safe

from .. import markdown as markdown_module
from ..sourcetext.wording import indefinite_article

register = template.Library()

# json_script's escapes: nothing in the data can close the element or open a comment.
_JSON_ESCAPES = {ord(">"): "\\u003E", ord("<"): "\\u003C", ord("&"): "\\u0026"}


@register.filter
def markdown(text):
    """Markdown to sanitized HTML (see ``pathways.markdown``)."""
    return mark_safe(markdown_module.render(text or ""))  # nh3 cleaned it


@register.simple_tag
def options(choices, selected=None):
    """``<option>`` elements for ``(value, label)`` pairs, ``selected`` marked.

    A select can hold every role: a loop in the template cost more than the
    rest of a hub page.
    """
    return mark_safe(  # every value and label is escaped here
        "".join(
            f'<option value="{escape(value)}"{" selected" if value == selected else ""}>'
            f"{escape(label)}</option>"
            for value, label in choices
        )
    )


@register.filter
def first_paragraph(text):
    """The first blank-line-separated paragraph of Markdown text."""
    return (text or "").strip().split("\n\n", 1)[0]


def view_label(count) -> str:
    """ "1 view", "2 views", "1,234 views"."""
    count = int(count or 0)
    return f"{intcomma(count)} view" if count == 1 else f"{intcomma(count)} views"


register.filter("view_label", view_label)


# "a" or "an" before a role name: the parser's rule, so pages and source pages agree.
register.filter("indefinite_article", indefinite_article)


@register.filter
def week_range(phase_weeks):
    """The weeks a phase covers: "Weeks 1-6" (with an en dash), or "Week 7"."""
    if phase_weeks.first_week == phase_weeks.last_week:
        return f"Week {phase_weeks.first_week}"
    return f"Weeks {phase_weeks.first_week}\u2013{phase_weeks.last_week}"


@register.simple_tag
def json_ld(data):
    """A JSON-LD block. A data block, not a script: the browser never runs it."""
    payload = json.dumps(data, ensure_ascii=False, separators=(",", ":")).translate(_JSON_ESCAPES)
    return format_html('<script type="application/ld+json">{}</script>', mark_safe(payload))
