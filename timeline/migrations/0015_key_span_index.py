"""The key events' days as date ranges in a GiST index of their own (PostgreSQL): the key events
view of a stretch of days (``/?from=…&to=…``) reads the key events in it, not every event."""

from django.db import migrations

KEY_SPAN_INDEX = (
    "CREATE INDEX event_key_span_idx ON timeline_event USING gist (daterange(date_start, date_end, '[]')) "
    "WHERE key AND status <> 'hidden' AND date_start IS NOT NULL AND date_end IS NOT NULL"
)


def add_index(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.execute(KEY_SPAN_INDEX)


def remove_index(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.execute("DROP INDEX IF EXISTS event_key_span_idx")


class Migration(migrations.Migration):
    dependencies = [("timeline", "0014_search_words")]

    operations = [migrations.RunPython(add_index, remove_index)]
