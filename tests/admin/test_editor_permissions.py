"""Draft previews and the Markdown editor's endpoints follow model permissions, not is_staff."""

import pytest
from django.contrib.auth.models import Permission, User

from pathways.models import Pathway

from .support import make_pathway
from .uploading import AJAX, image_bytes, stored_files, upload

pytestmark = pytest.mark.django_db

EDITOR_ENDPOINTS = ["/markdownx/markdownify/", "/markdownx/upload/"]


def staff_with(*codenames):
    """A staff account holding exactly the given pathways permissions."""
    user = User.objects.create_user("sam", password="a-long-password", is_staff=True)
    user.user_permissions.set(
        Permission.objects.filter(content_type__app_label="pathways", codename__in=codenames)
    )
    assert user.user_permissions.count() == len(codenames)
    return user


@pytest.fixture
def draft(db):
    return make_pathway(status=Pathway.Status.DRAFT)


def test_staff_without_permissions_gets_404_for_a_draft(client, draft):
    client.force_login(staff_with())

    response = client.get(draft.get_absolute_url())

    assert response.status_code == 404


@pytest.mark.parametrize("codename", ["view_pathway", "change_pathway"])
def test_staff_with_pathway_permission_previews_a_draft(client, draft, codename):
    client.force_login(staff_with(codename))

    response = client.get(draft.get_absolute_url())

    assert (response.status_code, response["Cache-Control"]) == (200, "private, no-store")
    assert response.context["preview"] is True


def test_staff_with_other_content_permissions_gets_404_for_a_draft(client, draft):
    client.force_login(staff_with("view_role", "change_role", "view_hub", "change_hub"))

    assert client.get(draft.get_absolute_url()).status_code == 404


def test_editor_previews_a_draft(editor_client, draft):
    response = editor_client.get(draft.get_absolute_url())

    assert response.status_code == 200


def test_superuser_previews_a_draft(client, superuser, draft):
    client.force_login(superuser)

    assert client.get(draft.get_absolute_url()).status_code == 200


def test_anonymous_visitor_gets_404_for_a_draft(client, draft):
    assert client.get(draft.get_absolute_url()).status_code == 404


@pytest.mark.parametrize("url", EDITOR_ENDPOINTS)
def test_staff_without_permissions_cannot_use_editor_endpoints(client, url):
    client.force_login(staff_with())

    response = client.post(url, {"content": "**hi**"})

    assert response.status_code == 403


@pytest.mark.parametrize("url", EDITOR_ENDPOINTS)
def test_staff_who_may_only_view_cannot_use_editor_endpoints(client, url):
    client.force_login(staff_with("view_pathway", "view_role", "view_hub", "view_faq"))

    response = client.post(url, {"content": "**hi**"})

    assert response.status_code == 403


def test_staff_without_permissions_cannot_upload_an_image(client, media_root):
    client.force_login(staff_with())

    response = upload(client, "chart.png", image_bytes(), "image/png")

    assert (response.status_code, stored_files(media_root)) == (403, [])


@pytest.mark.parametrize(
    "codename", ["change_pathway", "add_pathway", "change_role", "add_hub", "change_faq"]
)
def test_staff_who_may_edit_markdown_uses_the_preview(client, codename):
    # Each of these models has a Markdown field, so its admin form shows the editor.
    client.force_login(staff_with(codename))

    response = client.post("/markdownx/markdownify/", {"content": "**hi**"})

    assert (response.status_code, response.content) == (200, b"<p><strong>hi</strong></p>")


def test_editor_uploads_an_image(editor_client, media_root):
    response = upload(editor_client, "chart.png", image_bytes(), "image/png")

    (stored,) = stored_files(media_root)
    assert response.json() == {"image_code": f"![](/media/markdownx/{stored.name})"}


@pytest.mark.parametrize("url", EDITOR_ENDPOINTS)
def test_non_staff_with_permissions_is_sent_to_login(client, url):
    user = User.objects.create_user("pat", password="a-long-password")
    user.user_permissions.set(Permission.objects.filter(codename="change_pathway"))
    client.force_login(user)

    response = client.post(url, {"content": "**hi**"}, **AJAX)

    assert (response.status_code, response.headers["Location"]) == (
        302,
        f"/admin/login/?next={url}",
    )
