"""Editors record when they last reviewed each guide."""

from django.db import migrations, models


class Migration(migrations.Migration):
    dependencies = [
        ("pathways", "0008_normalise_line_endings"),
    ]

    operations = [
        migrations.AddField(
            model_name="pathway",
            name="last_reviewed",
            field=models.DateField(
                blank=True, help_text="When an editor last checked the whole guide.", null=True
            ),
        ),
    ]
