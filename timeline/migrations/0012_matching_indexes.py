"""Indexes that let an import find the stored events it may join, the stored actors a new name may
be, and the timeline the events of a stretch of days, without reading the rest of the archive: the
sources by verb and, on PostgreSQL, each dated event's days as a date range in a GiST index
(``models.DaySpan``) and the actors' spellings by their trigrams (``services.actors.named_in_archive``
looks for parts of words in them)."""

import django.db.models.fields.json
from django.contrib.postgres.operations import TrigramExtension
from django.db import migrations, models

SPAN_INDEX = (
    "CREATE INDEX event_span_idx ON timeline_event USING gist (daterange(date_start, date_end, '[]')) "
    "WHERE date_start IS NOT NULL AND date_end IS NOT NULL"
)


ALIAS_INDEX = "CREATE INDEX actoralias_trigram_idx ON timeline_actoralias USING gin (normalized gin_trgm_ops)"


def add_indexes(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.execute(SPAN_INDEX)
        schema_editor.execute(ALIAS_INDEX)


def remove_indexes(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.execute("DROP INDEX IF EXISTS event_span_idx")
        schema_editor.execute("DROP INDEX IF EXISTS actoralias_trigram_idx")


class Migration(migrations.Migration):
    dependencies = [("timeline", "0011_search_document_and_week_counts")]

    operations = [
        migrations.AddIndex(
            model_name="eventsource",
            index=models.Index(
                django.db.models.fields.json.KeyTransform("predicate", "frame"),
                name="eventsource_predicate_idx",
            ),
        ),
        TrigramExtension(),
        migrations.RunPython(add_indexes, remove_indexes),
    ]
