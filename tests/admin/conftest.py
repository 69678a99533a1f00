"""Factories, users and a form reader for the admin tests."""

import itertools
from html.parser import HTMLParser

import pytest
from django.contrib.auth.models import Group, User

from pathways.models import FAQ, Hub, HubEntry, Pathway, RoadmapPhase, Role, Skill

_numbers = itertools.count(1)


def make_role(name=None, **fields):
    name = name or f"Role {next(_numbers)}"
    return Role.objects.create(name=name, slug=fields.pop("slug", None) or slug_of(name), **fields)


def slug_of(name):
    return name.lower().replace(" ", "-")


def make_pathway(from_role=None, to_role=None, **fields):
    from_role = from_role or make_role()
    to_role = to_role or make_role()
    defaults = {
        "slug": f"{from_role.slug}-to-{to_role.slug}",
        "title": f"From {from_role.name} to {to_role.name}",
        "status": Pathway.Status.PUBLISHED,
        "overview": "The first paragraph.",
    }
    return Pathway.objects.create(from_role=from_role, to_role=to_role, **defaults | fields)


def make_phase(pathway, order, **fields):
    defaults = {"title": f"Phase {order}", "weeks": 2, "tasks": "Read\nPractise"}
    return RoadmapPhase.objects.create(pathway=pathway, order=order, **defaults | fields)


def make_skill(pathway, **fields):
    defaults = {"name": "SQL", "priority": Skill.Priority.CRITICAL, "weeks": 3}
    return Skill.objects.create(pathway=pathway, **defaults | fields)


def make_faq(pathway, **fields):
    defaults = {"question": "Is it hard?", "answer": "Not very.", "question_inferred": False}
    return FAQ.objects.create(pathway=pathway, **defaults | fields)


def make_hub(role, pathways=()):
    hub = Hub.objects.create(role=role, description="Many ways in.")
    for order, pathway in enumerate(pathways):
        HubEntry.objects.create(hub=hub, pathway=pathway, order=order)
    return hub


@pytest.fixture
def editor(db):
    """A staff member in the Editors group (created by the data migration)."""
    user = User.objects.create_user("eddie", "eddie@example.com", "a-long-password", is_staff=True)
    user.groups.add(Group.objects.get(name="Editors"))
    return user


@pytest.fixture
def second_editor(db):
    user = User.objects.create_user("erin", "erin@example.com", "a-long-password", is_staff=True)
    user.groups.add(Group.objects.get(name="Editors"))
    return user


@pytest.fixture
def superuser(db):
    return User.objects.create_superuser("root", "root@example.com", "a-long-password")


@pytest.fixture
def editor_client(client, editor):
    client.force_login(editor)
    return client


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
