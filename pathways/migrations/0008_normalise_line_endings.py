"""Store every content text field with "\n" line endings.

Text saved from the admin before it normalised line endings kept the browser's
"\r\n"; that made every such field look changed on the next save.
"""

from django.db import migrations, models
from django.db.models import F, Value
from django.db.models.functions import Replace

# Derived rows, rewritten from the content; nobody edits them.
DERIVED = {"pathwayrendering", "searchdocument"}


def normalise_line_endings(apps, schema_editor):
    for model in apps.get_app_config("pathways").get_models():
        if model._meta.model_name in DERIVED:
            continue
        for field in model._meta.concrete_fields:
            if not isinstance(field, models.TextField):
                continue
            normalised = Replace(
                Replace(F(field.name), Value("\r\n"), Value("\n")), Value("\r"), Value("\n")
            )
            model._base_manager.filter(**{f"{field.name}__contains": "\r"}).update(
                **{field.name: normalised}
            )


class Migration(migrations.Migration):
    dependencies = [("pathways", "0007_search_documents")]

    operations = [migrations.RunPython(normalise_line_endings, migrations.RunPython.noop)]
