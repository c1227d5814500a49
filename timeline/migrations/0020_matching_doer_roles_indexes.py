"""Indexes that let an import find, without reading the rest of the archive, the stored sources
telling what a happening of a kind did (``frame.doer``: "quake") and those telling a deed by its doer's
and its thing's nouns (``frame.roles``: "aircraft>noise"), as it finds those of one verb."""

import django.db.models.fields.json
from django.db import migrations, models


class Migration(migrations.Migration):
    dependencies = [
        ("timeline", "0019_actor_prominence"),
    ]

    operations = [
        migrations.AddIndex(
            model_name="eventsource",
            index=models.Index(
                django.db.models.fields.json.KeyTransform("doer", "frame"), name="eventsource_doer_idx"
            ),
        ),
        migrations.AddIndex(
            model_name="eventsource",
            index=models.Index(
                django.db.models.fields.json.KeyTransform("roles", "frame"), name="eventsource_roles_idx"
            ),
        ),
    ]
