"""The "Editors" group: may view, add, change and delete every piece of content.

It holds the permissions of the pathways app only, so editors cannot see or
manage user accounts or groups. Give an editor ``is_staff`` and this group.
"""

from django.contrib.auth.management import create_permissions
from django.db import migrations

GROUP = "Editors"


def create_editors_group(apps, schema_editor):
    # On a fresh database the permissions are only created after all
    # migrations have run; create the app's permissions now so the group gets them.
    app_config = apps.get_app_config("pathways")
    models_module = getattr(app_config, "models_module", None)
    app_config.models_module = models_module or True
    create_permissions(app_config, apps=apps, verbosity=0)
    app_config.models_module = models_module

    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    group, _ = Group.objects.get_or_create(name=GROUP)
    group.permissions.set(Permission.objects.filter(content_type__app_label="pathways"))


def remove_editors_group(apps, schema_editor):
    apps.get_model("auth", "Group").objects.filter(name=GROUP).delete()


class Migration(migrations.Migration):
    dependencies = [
        ("auth", "0012_alter_user_first_name_max_length"),
        ("contenttypes", "0002_remove_content_type_name"),
        ("pathways", "0001_initial"),
    ]

    operations = [migrations.RunPython(create_editors_group, remove_editors_group)]
