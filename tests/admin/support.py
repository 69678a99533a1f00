"""Rows and a form reader for the admin tests (their fixtures are in conftest)."""

from html.parser import HTMLParser

from pathways.models import FAQ, RoadmapPhase, Skill
from tests import factories


def make_pathway(from_role=None, to_role=None, **fields):
    """The shared factory, with a one-paragraph overview the admin tests edit."""
    return factories.make_pathway(
        from_role, to_role, **({"overview": "The first paragraph."} | fields)
    )


def make_phase(pathway, order, **fields):
    defaults = {"title": f"Phase {order}", "weeks": 2, "tasks": "Read\nPractise"}
    return RoadmapPhase.objects.create(pathway=pathway, order=order, **defaults | fields)


def make_skill(pathway, **fields):
    defaults = {"name": "SQL", "priority": Skill.Priority.CRITICAL, "weeks": 3}
    return Skill.objects.create(pathway=pathway, **defaults | fields)


def make_faq(pathway, **fields):
    defaults = {"question": "Is it hard?", "answer": "Not very.", "question_inferred": False}
    return FAQ.objects.create(pathway=pathway, **defaults | fields)


class _FormReader(HTMLParser):
    """Collects what a browser would submit from the first form with a given id."""

    def __init__(self, form_id):
        super().__init__()
        self.form_id, self.inside, self.data = form_id, False, {}
        self._select = self._textarea = None

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if tag == "form":
            self.inside = attrs.get("id") == self.form_id
        if not self.inside:
            return
        name = attrs.get("name")
        if tag == "input" and name and "__prefix__" not in name:
            kind = attrs.get("type", "text")
            if kind in ("submit", "button", "file"):
                return
            if kind == "checkbox" and "checked" not in attrs:
                return
            self.data[name] = attrs.get("value", "on" if kind == "checkbox" else "")
        elif tag == "select" and name and "__prefix__" not in name:
            self._select = name
            self.data[name] = ""
        elif tag == "option" and self._select and "selected" in attrs:
            self.data[self._select] = attrs.get("value", "")
        elif tag == "textarea" and name and "__prefix__" not in name:
            self._textarea = name
            self.data[name] = ""

    def handle_endtag(self, tag):
        if tag == "form":
            self.inside = False
        elif tag == "select":
            self._select = None
        elif tag == "textarea":
            self._textarea = None

    def handle_data(self, data):
        if self._textarea:
            # The admin starts a textarea's content with one newline, which browsers drop.
            text = self.data[self._textarea] + data
            self.data[self._textarea] = text.removeprefix("\n")


def form_data(response, form_id):
    """The values a browser would post back from a rendered form, unchanged."""
    reader = _FormReader(form_id)
    reader.feed(response.content.decode())
    return reader.data


def change_form_data(client, pathway):
    """What the pathway change form posts when saved as loaded."""
    response = client.get(f"/admin/pathways/pathway/{pathway.pk}/change/")
    assert response.status_code == 200
    return form_data(response, "pathway_form")
