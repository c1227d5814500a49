"""Each event's stored search document and the weekly counts (``timeline.summaries``).

On PostgreSQL: the triggers that keep both current, one GIN index over the documents in place of
the two expression indexes of migration 0002, and both computed for the events already stored.
Other databases get the column and the table, which stay empty.
"""

import django.contrib.postgres.search
from django.db import migrations, models

from timeline import summaries

DROPPED = ["event_search_idx", "eventsource_search_idx"]


def install(apps, schema_editor):
    if schema_editor.connection.vendor != "postgresql":
        return
    with schema_editor.connection.cursor() as cursor:
        for name in DROPPED:
            cursor.execute(f"DROP INDEX IF EXISTS {name}")
        cursor.execute(summaries.INSTALL)
    summaries.rebuild_all(schema_editor.connection.alias, words=False)
    with schema_editor.connection.cursor() as cursor:
        cursor.execute(
            "CREATE INDEX event_search_document_idx ON timeline_event USING gin (search_document)"
        )


def uninstall(apps, schema_editor):
    if schema_editor.connection.vendor != "postgresql":
        return
    with schema_editor.connection.cursor() as cursor:
        cursor.execute(summaries.UNINSTALL)
        cursor.execute("DROP INDEX IF EXISTS event_search_document_idx")
        cursor.execute(
            "CREATE INDEX event_search_idx ON timeline_event USING gin "
            "(to_tsvector('english'::regconfig, COALESCE(title, '') || ' ' || COALESCE(summary, '')))"
        )
        cursor.execute(
            "CREATE INDEX eventsource_search_idx ON timeline_eventsource USING gin "
            "(to_tsvector('english'::regconfig, COALESCE(sentence, '')))"
        )


class Migration(migrations.Migration):
    dependencies = [("timeline", "0010_key_events_and_reactions")]

    operations = [
        migrations.AddField(
            model_name="event",
            name="search_document",
            field=django.contrib.postgres.search.SearchVectorField(editable=False, null=True),
        ),
        migrations.CreateModel(
            name="WeekCount",
            fields=[
                ("id", models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name="ID")),
                ("actor_id", models.IntegerField(null=True)),
                ("week", models.IntegerField(null=True)),
                ("key", models.BooleanField()),
                ("n", models.IntegerField()),
            ],
            options={
                "indexes": [
                    models.Index(fields=["actor_id", "key", "week", "n"], name="weekcount_lookup_idx")
                ]
            },
        ),
        migrations.RunPython(install, uninstall),
    ]
