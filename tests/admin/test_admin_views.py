"""The admin screens load for editors and superusers, filter, search and link to the site."""

import pytest
from django.contrib.contenttypes.models import ContentType

from pathways.models import Pathway
from tests.factories import make_hub, make_role

from .support import make_faq, make_pathway, make_phase, make_skill

pytestmark = pytest.mark.django_db


def admin_urls():
    role = make_role("Data Analyst")
    pathway = make_pathway(from_role=role)
    hub = make_hub(pathway.to_role, pathway)
    return [
        "/admin/",
        "/admin/pathways/",
        "/admin/pathways/pathway/",
        "/admin/pathways/pathway/add/",
        f"/admin/pathways/pathway/{pathway.pk}/change/",
        "/admin/pathways/pathway/import/",
        "/admin/pathways/role/",
        "/admin/pathways/role/add/",
        f"/admin/pathways/role/{role.pk}/change/",
        "/admin/pathways/hub/",
        "/admin/pathways/hub/add/",
        f"/admin/pathways/hub/{hub.pk}/change/",
        "/admin/pathways/knownname/",
    ]


@pytest.mark.parametrize("who", ["editor", "superuser"])
def test_admin_pages_load_for_editors_and_superusers(client, request, who):
    client.force_login(request.getfixturevalue(who))
    urls = admin_urls()

    statuses = {url: client.get(url).status_code for url in urls}

    assert statuses == dict.fromkeys(urls, 200)


def test_pathway_change_form_has_every_part_inline(editor_client):
    pathway = make_pathway()
    make_skill(pathway)
    make_phase(pathway, 1)
    make_faq(pathway)

    response = editor_client.get(f"/admin/pathways/pathway/{pathway.pk}/change/")

    prefixes = [formset.formset.prefix for formset in response.context["inline_admin_formsets"]]
    assert prefixes == [
        "transferable_skills",
        "skills",
        "phases",
        "reality_items",
        "action_items",
        "faqs",
    ]


def test_pathway_change_form_uses_markdown_editor_for_markdown_fields(editor_client):
    pathway = make_pathway()
    make_skill(pathway)

    response = editor_client.get(f"/admin/pathways/pathway/{pathway.pk}/change/")

    html = response.content.decode()
    # The overview, the skill's description, and the templates for new transferable
    # skills, skills and FAQs.
    assert html.count('class="markdownx"') == 5
    assert 'data-markdownx-urls-path="/markdownx/markdownify/"' in html
    assert "admin-extra/markdownx-rows.js" in html


@pytest.mark.parametrize("count", [1, 3])
def test_pathway_changelist_query_count_does_not_grow(
    editor_client, django_assert_num_queries, count
):
    for _ in range(count):
        make_faq(make_pathway(), question_inferred=True)

    # Session, user, permissions (user's and group's), the two role filters'
    # choices, count, filtered count, the page, and the difficulty filter's values.
    with django_assert_num_queries(10):
        response = editor_client.get("/admin/pathways/pathway/")

    assert response.context["cl"].result_count == count


def test_pathway_changelist_needs_review_filter_lists_pathways_with_inferred_faqs(
    editor_client,
):
    waiting = make_pathway(title="Waiting")
    make_faq(waiting, question_inferred=True)
    make_faq(waiting, question_inferred=False)
    reviewed = make_pathway(title="Reviewed")
    make_faq(reviewed, question_inferred=False)

    response = editor_client.get("/admin/pathways/pathway/?needs_review=yes")

    assert [p.title for p in response.context["cl"].result_list] == ["Waiting"]


def test_pathway_changelist_filters_by_starting_role_and_status(editor_client):
    analyst = make_role("Analyst")
    make_pathway(from_role=analyst, title="Analyst draft", status=Pathway.Status.DRAFT)
    make_pathway(from_role=analyst, title="Analyst live")
    make_pathway(title="Someone else's draft", status=Pathway.Status.DRAFT)

    response = editor_client.get(
        f"/admin/pathways/pathway/?from_role__id__exact={analyst.pk}&status__exact=draft"
    )

    assert [p.title for p in response.context["cl"].result_list] == ["Analyst draft"]


def test_pathway_changelist_filter_titles_name_the_roles(editor_client):
    make_pathway(difficulty="Moderate")
    make_pathway(difficulty="Hard")

    response = editor_client.get("/admin/pathways/pathway/")

    titles = [spec.title for spec in response.context["cl"].filter_specs]
    assert titles == ["starting role", "target role", "difficulty", "status", "needs review"]


def test_pathway_changelist_search_finds_role_names(editor_client):
    make_pathway(from_role=make_role("Backend Developer"), title="Backend way")
    make_pathway(from_role=make_role("Nurse"), title="Nursing way")

    response = editor_client.get("/admin/pathways/pathway/?q=backend+developer")

    assert [p.title for p in response.context["cl"].result_list] == ["Backend way"]


def test_view_on_site_for_a_draft_shows_staff_its_guide_page(editor_client):
    pathway = make_pathway(status=Pathway.Status.DRAFT, title="Draft guide")
    content_type = ContentType.objects.get_for_model(Pathway)

    response = editor_client.get(f"/admin/r/{content_type.pk}/{pathway.pk}/", follow=True)

    assert response.redirect_chain == [(f"http://testserver/pathways/{pathway.slug}/", 302)]
    assert response.status_code == 200


def test_hub_view_on_site_leads_to_the_hub_page(editor_client):
    hub = make_hub(make_role("Product Manager"))

    response = editor_client.get(f"/admin/pathways/hub/{hub.pk}/change/")

    assert 'href="/become/product-manager/"' in response.content.decode()
