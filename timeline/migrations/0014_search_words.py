"""Each event's narrow row of search words (``timeline.summaries``): on PostgreSQL, the triggers that
keep it current, its GIN indexes (of every event's words and of the key events'), and the rows of the events already stored. Other databases get the
table, which stays empty."""

import django.contrib.postgres.search
import django.db.models.deletion
from django.db import migrations, models

from timeline import summaries


def install(apps, schema_editor):
    if schema_editor.connection.vendor != "postgresql":
        return
    with schema_editor.connection.cursor() as cursor:
        cursor.execute(summaries.WORDS_INSTALL)
    summaries.rebuild_words(schema_editor.connection.alias)
    with schema_editor.connection.cursor() as cursor:
        cursor.execute("CREATE INDEX searchwords_words_idx ON timeline_searchwords USING gin (words)")
        # the key events view's searches read the key events' words alone
        cursor.execute(
            "CREATE INDEX searchwords_key_words_idx ON timeline_searchwords USING gin (words) WHERE key AND visible"
        )
        cursor.execute("ANALYZE timeline_searchwords")


def uninstall(apps, schema_editor):
    if schema_editor.connection.vendor != "postgresql":
        return
    with schema_editor.connection.cursor() as cursor:
        cursor.execute(summaries.WORDS_UNINSTALL)  # the table and its indexes go with the model


class Migration(migrations.Migration):
    dependencies = [("timeline", "0013_article_listing_index")]

    operations = [
        migrations.CreateModel(
            name="SearchWords",
            fields=[
                (
                    "event",
                    models.OneToOneField(
                        db_constraint=False,
                        on_delete=django.db.models.deletion.DO_NOTHING,
                        primary_key=True,
                        related_name="+",
                        serialize=False,
                        to="timeline.event",
                    ),
                ),
                ("week", models.IntegerField(null=True)),
                ("visible", models.BooleanField()),
                ("key", models.BooleanField()),
                ("words", django.contrib.postgres.search.SearchVectorField(null=True)),
            ],
        ),
        migrations.RunPython(install, uninstall),
    ]
