"""Who may do what: editors manage content only; the editor endpoints are for staff."""

import pytest
from django.contrib.auth.models import Group, Permission, User

from .support import make_pathway

pytestmark = pytest.mark.django_db


def test_editors_group_holds_exactly_the_content_permissions():
    group = Group.objects.get(name="Editors")

    held = set(group.permissions.values_list("content_type__app_label", "codename"))

    content = set(
        # The content version is bookkeeping for caches, not content.
        Permission.objects.filter(content_type__app_label="pathways")
        .exclude(content_type__model="contentversion")
        .values_list("content_type__app_label", "codename")
    )
    models = ["actionitem", "faq", "hub", "hubentry", "knownname", "pathway"]
    models += ["realitycheckitem", "roadmapphase", "role", "skill", "transferableskill"]
    expected = {
        ("pathways", f"{verb}_{model}")
        for verb in ("view", "add", "change", "delete")
        for model in models
    }
    assert held == content == expected


@pytest.mark.parametrize(
    "url", ["/admin/auth/user/", "/admin/auth/group/", "/admin/auth/user/add/"]
)
def test_editor_cannot_manage_users(editor_client, url):
    response = editor_client.get(url)

    assert response.status_code == 403


def test_editor_admin_index_lists_only_content(editor_client):
    response = editor_client.get("/admin/")

    labels = [app["app_label"] for app in response.context["app_list"]]
    assert labels == ["pathways"]


def test_superuser_can_manage_users(client, superuser):
    client.force_login(superuser)

    response = client.get("/admin/auth/user/")

    assert response.status_code == 200


def test_staff_without_group_cannot_open_pathways(client):
    user = User.objects.create_user("visitor", password="a-long-password", is_staff=True)
    client.force_login(user)
    pathway = make_pathway()

    response = client.get(f"/admin/pathways/pathway/{pathway.pk}/change/")

    assert response.status_code == 403


def test_staff_without_group_cannot_import(client):
    user = User.objects.create_user("visitor", password="a-long-password", is_staff=True)
    client.force_login(user)

    response = client.get("/admin/pathways/pathway/import/")

    assert response.status_code == 403


def test_anonymous_visitor_is_sent_to_login_from_admin(client):
    response = client.get("/admin/pathways/pathway/")

    assert (response.status_code, response.headers["Location"]) == (
        302,
        "/admin/login/?next=/admin/pathways/pathway/",
    )


@pytest.mark.parametrize("url", ["/markdownx/markdownify/", "/markdownx/upload/"])
def test_anonymous_visitor_cannot_use_editor_endpoints(client, url):
    response = client.post(url, {"content": "**hi**"})

    assert (response.status_code, response.headers["Location"]) == (
        302,
        f"/admin/login/?next={url}",
    )
