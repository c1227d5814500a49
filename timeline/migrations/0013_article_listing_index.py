"""The list of articles, newest first, read a page at a time from an index (PostgreSQL; SQLite
cannot index NULLS LAST)."""

from django.db import migrations


def add_index(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.execute(
            "CREATE INDEX IF NOT EXISTS article_listing_idx ON timeline_article "
            "(published DESC NULLS LAST, title, id)"
        )


def remove_index(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.execute("DROP INDEX IF EXISTS article_listing_idx")


class Migration(migrations.Migration):
    dependencies = [("timeline", "0012_matching_indexes")]

    operations = [migrations.RunPython(add_index, remove_index)]
