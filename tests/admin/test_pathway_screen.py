"""The pathway change form as editors work in it: new rows go last, the slug
comes from the roles, refused saves list their errors first, inferred FAQ
questions are labelled for review."""

from html.parser import HTMLParser

import pytest

from pathways.models import FAQ, Pathway, RealityCheckItem
from tests import factories

from .support import change_form_data, make_faq, make_pathway, make_phase, make_skill

pytestmark = pytest.mark.django_db


def post(client, pathway, data):
    return client.post(f"/admin/pathways/pathway/{pathway.pk}/change/", data)


def with_new_rows(data, prefix, rows):
    """The form data with ``rows`` (dicts of field values) added to an inline."""
    start = int(data[f"{prefix}-TOTAL_FORMS"])
    data = dict(data)
    for number, row in enumerate(rows, start):
        data |= {f"{prefix}-{number}-{name}": value for name, value in row.items()}
    data[f"{prefix}-TOTAL_FORMS"] = str(start + len(rows))
    return data


def new_faq(question, order):
    return {"question": question, "answer": "An answer.", "order": order}


@pytest.mark.parametrize("order", ["", "0"])
def test_faq_added_without_an_order_goes_after_the_others(editor_client, order):
    pathway = make_pathway()
    make_faq(pathway, question="First?", order=1)
    make_faq(pathway, question="Second?", order=2)
    data = with_new_rows(change_form_data(editor_client, pathway), "faqs", [new_faq("New?", order)])

    response = post(editor_client, pathway, data)

    assert response.status_code == 302
    assert list(pathway.faqs.values_list("question", "order")) == [
        ("First?", 1),
        ("Second?", 2),
        ("New?", 3),
    ]


def test_faqs_added_together_keep_the_order_they_were_added_in(editor_client):
    pathway = make_pathway()
    make_faq(pathway, question="Old?", order=5)
    rows = [new_faq("Added first?", ""), new_faq("Chosen place?", "2"), new_faq("Last?", "0")]
    data = with_new_rows(change_form_data(editor_client, pathway), "faqs", rows)

    response = post(editor_client, pathway, data)

    assert response.status_code == 302
    assert list(pathway.faqs.values_list("question", "order")) == [
        ("Chosen place?", 2),
        ("Old?", 5),
        ("Added first?", 6),
        ("Last?", 7),
    ]


def test_phase_added_without_an_order_takes_the_next_number(editor_client):
    pathway = make_pathway()
    make_phase(pathway, 1, title="Foundations")
    make_phase(pathway, 2, title="Projects")
    row = {"title": "Job search", "weeks": "3", "order": "", "tasks": "", "resources": ""}
    data = with_new_rows(change_form_data(editor_client, pathway), "phases", [row])

    response = post(editor_client, pathway, data)

    assert response.status_code == 302
    assert list(pathway.phases.values_list("order", "title")) == [
        (1, "Foundations"),
        (2, "Projects"),
        (3, "Job search"),
    ]


def test_reality_item_added_without_an_order_is_last_of_its_kind(editor_client):
    pathway = make_pathway()
    love = RealityCheckItem.Kind.LOVE
    RealityCheckItem.objects.create(pathway=pathway, kind=love, text="Variety", order=1)
    RealityCheckItem.objects.create(pathway=pathway, kind="miss", text="Patients", order=4)
    row = {"kind": love, "text": "Quiet", "order": "0"}
    data = with_new_rows(change_form_data(editor_client, pathway), "reality_items", [row])

    response = post(editor_client, pathway, data)

    assert response.status_code == 302
    assert list(pathway.reality_items.values_list("kind", "text", "order")) == [
        ("love", "Variety", 1),
        ("love", "Quiet", 5),
        ("miss", "Patients", 4),
    ]


def test_added_row_holding_only_its_order_is_ignored(editor_client):
    pathway = make_pathway()
    make_faq(pathway, question="Only?", order=1)
    row = {"question": "", "answer": "", "order": "2"}
    data = with_new_rows(change_form_data(editor_client, pathway), "faqs", [row])

    response = post(editor_client, pathway, data)

    assert response.status_code == 302
    assert list(pathway.faqs.values_list("question", "order")) == [("Only?", 1)]


def test_slug_left_empty_is_made_from_the_roles(editor_client):
    pathway = make_pathway(
        factories.make_role(name="Enfermera", slug="enfermera"),
        factories.make_role(name="Аналитик данных", slug="аналитик-данных"),
        slug="old-address",
    )
    data = change_form_data(editor_client, pathway) | {"slug": ""}

    response = post(editor_client, pathway, data)

    assert response.status_code == 302
    pathway.refresh_from_db()
    assert pathway.slug == "enfermera-to-аналитик-данных"


def test_slug_left_empty_for_an_address_already_used_is_refused(editor_client):
    pathway = make_pathway(slug="somewhere-else")
    make_pathway(slug=f"{pathway.from_role.slug}-to-{pathway.to_role.slug}")
    data = change_form_data(editor_client, pathway) | {"slug": ""}

    response = post(editor_client, pathway, data)

    assert response.status_code == 200
    assert response.context["adminform"].form.errors == {
        "slug": ["Another pathway already uses this slug: choose a different one."]
    }


class _SummaryReader(HTMLParser):
    """The error summary's attributes and links, and every id on the page."""

    def __init__(self):
        super().__init__()
        self.summary, self.links, self.ids = None, [], set()
        self._inside = self._link = None

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if "id" in attrs:
            self.ids.add(attrs["id"])
        if attrs.get("id") == "error-summary":
            self.summary, self._inside = attrs, True
        elif self._inside and tag == "a":
            self._link = [attrs["href"], ""]

    def handle_data(self, data):
        if self._link is not None:
            self._link[1] += data

    def handle_endtag(self, tag):
        if tag == "a" and self._link is not None:
            self.links.append(tuple(self._link))
            self._link = None
        elif tag == "div" and self._inside and self._link is None and self.links:
            self._inside = False


def test_refused_save_lists_each_error_with_a_link_to_it(editor_client):
    pathway = make_pathway()
    make_skill(pathway, name="SQL", order=1)
    make_phase(pathway, 1, title="Foundations")
    make_phase(pathway, 2, title="Projects")
    data = change_form_data(editor_client, pathway) | {
        "title": "",
        "skills-0-weeks": "0",
        "phases-1-order": "1",
    }

    response = post(editor_client, pathway, data)
    reader = _SummaryReader()
    reader.feed(response.content.decode())

    assert response.status_code == 200
    assert reader.summary == {
        "class": "error-summary",
        "id": "error-summary",
        "role": "alert",
        "tabindex": "-1",
        "aria-labelledby": "error-summary-heading",
    }
    assert reader.links == [
        ("#id_title", "Title: This field is required."),
        ("#id_skills-0-weeks", "Skill to learn 1: Weeks: Weeks must be more than 0."),
        (
            "#phases-group",
            "Roadmap phases: Two phases have order 1 (“Foundations” and “Projects”): "
            "give each phase its own number.",
        ),
    ]
    assert {href.removeprefix("#") for href, _ in reader.links} <= reader.ids


def test_stale_save_error_links_to_the_form(editor_client):
    pathway = make_pathway()
    data = change_form_data(editor_client, pathway)
    Pathway.objects.filter(pk=pathway.pk).update(version=pathway.version + 1)

    response = post(editor_client, pathway, data)
    reader = _SummaryReader()
    reader.feed(response.content.decode())

    assert [href for href, _ in reader.links] == ["#pathway_form"]
    assert "pathway_form" in reader.ids


def test_saved_form_has_no_error_summary(editor_client):
    pathway = make_pathway()

    response = editor_client.get(f"/admin/pathways/pathway/{pathway.pk}/change/")

    assert 'id="error-summary"' not in response.content.decode()


LABEL = '<span class="needs-review-label">Needs review</span>'


def test_needs_review_is_an_amber_label_in_the_list(editor_client):
    waiting = make_pathway(title="Waiting")
    make_faq(waiting, question_inferred=True)
    make_faq(make_pathway(title="Reviewed"), question_inferred=False)

    response = editor_client.get("/admin/pathways/pathway/")
    rows = {
        row.split("</th>")[0].rsplit(">", 2)[-2].split("<")[0]: row
        for row in response.content.decode().split("<tr")[1:]
        if "field-title" in row
    }

    assert (LABEL in rows["Waiting"], LABEL in rows["Reviewed"]) == (True, False)
    assert 'alt="True"' not in response.content.decode()


def test_needs_review_is_an_amber_label_on_the_faq_row(editor_client):
    pathway = make_pathway()
    make_faq(pathway, question="Inferred?", question_inferred=True, order=1)
    make_faq(pathway, question="Confirmed?", question_inferred=False, order=2)

    response = editor_client.get(f"/admin/pathways/pathway/{pathway.pk}/change/")
    page = response.content.decode()
    first, second = page.split('id="faqs-0"')[1], page.split('id="faqs-1"')[1]

    assert LABEL in first.split('id="faqs-1"')[0]
    assert LABEL not in second.split('id="faqs-empty"')[0]
    assert FAQ.objects.filter(question_inferred=True).count() == 1


def test_change_form_offers_a_jump_menu_with_counts(editor_client):
    pathway = make_pathway()
    make_skill(pathway, name="SQL", order=1)
    make_skill(pathway, name="Python", order=2)

    response = editor_client.get(f"/admin/pathways/pathway/{pathway.pk}/change/")
    page = response.content.decode()

    assert '<a href="#skills-group">Skills to learn (2)</a>' in page
    assert '<a href="#faqs-group">FAQs (0)</a>' in page
    assert '<a href="#fieldset-0-1-heading">At a glance</a>' in page
    assert 'id="fieldset-0-1-heading"' in page
    assert '<details class="markdown-cheat-sheet" id="markdown-cheat-sheet">' in page
