"""Users and signed-in clients for the admin tests."""

import pytest
from django.contrib.auth.models import Group, User


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


@pytest.fixture
def media_root(settings, tmp_path):
    """An empty MEDIA_ROOT of the test's own, for what uploads store."""
    settings.MEDIA_ROOT = str(tmp_path)
    return tmp_path
