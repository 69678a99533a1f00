"""The content checks page: who may open it, what it lists, its links and its queries."""

import re
from datetime import timedelta

import pytest
from django.contrib.auth.models import Permission, User
from django.utils import timezone

from pathways.models import Pathway
from tests.factories import make_hub
from tests.support import page_text

from .support import change_form_data, make_faq, make_pathway, make_phase, make_skill

pytestmark = pytest.mark.django_db

CHECKS_URL = "/admin/pathways/pathway/checks/"


def finding_links(response) -> list[str]:
    return re.findall(r'<th scope="row"><a href="([^"]+)">', response.content.decode())


def make_problem_pathway(title, **fields):
    """A guide failing every check, listed on a hub beside a path with no guide."""
    pathway = make_pathway(title=title, guide_months=12, **fields)
    make_skill(pathway, name="Nice", priority="nice_to_have", order=1)
    make_skill(pathway, name="Critical", priority="critical", order=2)
    make_phase(pathway, 1, weeks=2, resources="Kubernetes in Action (Manning)kubeflow docs")
    make_faq(pathway, question="Confirmed?", order=1)
    make_faq(pathway, question=f"{title}: inferred?", question_inferred=True, order=2)
    unwritten = make_pathway(title=f"{title}: unwritten", has_guide=False)
    make_hub(pathway.to_role, unwritten)
    return pathway


def staff_with(client, *codenames):
    user = User.objects.create_user("staff", password="a-long-password", is_staff=True)
    user.user_permissions.set(Permission.objects.filter(codename__in=codenames))
    client.force_login(user)


def test_checks_page_lists_each_check_with_its_count(editor_client):
    pathway = make_problem_pathway("Wrong")

    response = editor_client.get(CHECKS_URL)

    headings = re.findall(r'<h2 id="[a-z-]+-heading">(.*?) <span', response.content.decode())
    counts = re.findall(r'<span class="check-count">\((\d+)\)</span>', response.content.decode())
    assert response.status_code == 200
    assert list(zip(headings, counts, strict=True)) == [
        ("Roadmaps outside their timeline", "1"),
        ("Titles outside their timeline", "1"),
        ("Skills to learn out of order", "1"),
        ("FAQ questions to review", "1"),
        ("Hub paths with no written guide", "1"),
        ("Resources that look run together", "1"),
        ("Guides not reviewed in a year", "1"),
    ]
    change = f"/admin/pathways/pathway/{pathway.pk}/change/"
    unwritten = Pathway.objects.get(title="Wrong: unwritten")
    assert finding_links(response) == [
        f"{change}#phases-group",
        f"{change}#id_guide_months",
        f"{change}#skills-group",
        f"{change}#faqs-1",
        f"/admin/pathways/pathway/{unwritten.pk}/change/#id_has_guide",
        f"{change}#phases-0",
        f"{change}#id_last_reviewed",
    ]
    assert "7 items need an editor's eye." in page_text(response)


def test_checks_page_links_land_on_the_part_to_fix(editor_client):
    pathway = make_problem_pathway("Wrong")

    response = editor_client.get(f"/admin/pathways/pathway/{pathway.pk}/change/")
    html, data = response.content.decode(), change_form_data(editor_client, pathway)

    for anchor in ["phases-group", "skills-group", "faqs-1", "phases-0"]:
        assert f'id="{anchor}"' in html
    for field in ["id_guide_months", "id_last_reviewed", "id_has_guide"]:
        assert f'id="{field}"' in html
    assert data["faqs-1-question"] == "Wrong: inferred?"
    assert data["phases-0-resources"] == "Kubernetes in Action (Manning)kubeflow docs"


def test_checks_page_with_nothing_to_fix(editor_client):
    make_pathway(last_reviewed=timezone.localdate())

    response = editor_client.get(CHECKS_URL)

    assert "Nothing needs an editor's eye." in page_text(response)
    assert finding_links(response) == []


def test_checks_page_refuses_staff_who_cannot_change_pathways(client):
    staff_with(client, "view_pathway")

    response = client.get(CHECKS_URL)

    assert response.status_code == 403


def test_checks_page_sends_anonymous_visitors_to_login(client):
    response = client.get(CHECKS_URL)

    assert (response.status_code, response.headers["Location"]) == (
        302,
        f"/admin/login/?next={CHECKS_URL}",
    )


@pytest.mark.parametrize("url", ["/admin/", "/admin/pathways/pathway/"])
def test_admin_index_and_pathway_list_link_to_the_checks(editor_client, url):
    response = editor_client.get(url)

    assert f'href="{CHECKS_URL}"' in response.content.decode()


def test_pathway_list_has_no_checks_link_for_staff_who_only_view(client):
    staff_with(client, "view_pathway")

    response = client.get("/admin/pathways/pathway/")

    assert response.status_code == 200
    assert CHECKS_URL not in response.content.decode()


@pytest.mark.parametrize("size", [1, 3])
def test_checks_page_queries_do_not_grow_with_the_content(
    editor_client, django_assert_num_queries, size
):
    for n in range(size):
        make_problem_pathway(f"Wrong {n}")
    editor_client.get(CHECKS_URL)  # the session and permissions, as on any page

    # Session, user, and the user's and groups' permissions (4), then known names,
    # pathways, their transferable skills, skills, phases and FAQs, and hub entries (7).
    with django_assert_num_queries(11):
        response = editor_client.get(CHECKS_URL)

    assert len(finding_links(response)) == 7 * size


def test_mark_reviewed_action_dates_guides_today_and_moves_versions_on(editor_client):
    chosen, other = make_pathway(), make_pathway()

    response = editor_client.post(
        "/admin/pathways/pathway/",
        {"action": "mark_reviewed", "_selected_action": [chosen.pk]},
        follow=True,
    )

    rows = dict(Pathway.objects.values_list("pk", "last_reviewed"))
    versions = dict(Pathway.objects.values_list("pk", "version"))
    assert rows == {chosen.pk: timezone.localdate(), other.pk: None}
    assert versions == {chosen.pk: 2, other.pk: 1}
    assert "1 guide(s) marked reviewed today." in page_text(response)


def test_marked_guide_leaves_the_checks_page(editor_client):
    pathway = make_pathway(title="Old review", last_reviewed=timezone.localdate() - timedelta(400))
    before = finding_links(editor_client.get(CHECKS_URL))

    editor_client.post(
        "/admin/pathways/pathway/", {"action": "mark_reviewed", "_selected_action": [pathway.pk]}
    )

    after = finding_links(editor_client.get(CHECKS_URL))
    assert (before, after) == (
        [f"/admin/pathways/pathway/{pathway.pk}/change/#id_last_reviewed"],
        [],
    )


def test_change_form_saves_last_reviewed(editor_client):
    pathway = make_pathway()
    data = change_form_data(editor_client, pathway) | {"last_reviewed": "2026-03-03"}

    response = editor_client.post(f"/admin/pathways/pathway/{pathway.pk}/change/", data)

    pathway.refresh_from_db()
    assert response.status_code == 302
    assert str(pathway.last_reviewed) == "2026-03-03"


def test_change_form_refuses_a_review_date_to_come(editor_client):
    pathway = make_pathway()
    tomorrow = timezone.localdate() + timedelta(1)
    data = change_form_data(editor_client, pathway) | {"last_reviewed": tomorrow.isoformat()}

    response = editor_client.post(f"/admin/pathways/pathway/{pathway.pk}/change/", data)

    pathway.refresh_from_db()
    assert response.status_code == 200
    assert response.context["adminform"].form.errors["last_reviewed"] == [
        "A guide cannot be reviewed later than today."
    ]
    assert pathway.last_reviewed is None
