"""The search documents indexed with each event's week (PostgreSQL, with the btree_gin extension): a
page of a search reads the events of its weeks that hold the words, not every event holding them.
It replaces the index of the documents alone, which it also serves."""

from django.contrib.postgres.operations import BtreeGinExtension
from django.db import migrations

WEEK = "((date_start - DATE '0001-01-01') / 7)"  # as ``models.WeekNumber``


def add_index(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.execute(
            f"CREATE INDEX event_search_week_idx ON timeline_event USING gin (search_document, ({WEEK}))"
        )
        schema_editor.execute("DROP INDEX IF EXISTS event_search_document_idx")


def remove_index(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.execute("CREATE INDEX event_search_document_idx ON timeline_event USING gin (search_document)")
        schema_editor.execute("DROP INDEX IF EXISTS event_search_week_idx")


class Migration(migrations.Migration):
    dependencies = [("timeline", "0017_listing_indexes")]

    operations = [BtreeGinExtension(), migrations.RunPython(add_index, remove_index)]
