"""GIN indexes for the reader's full-text search, built on PostgreSQL only.

They live outside the models' Meta.indexes because SQLite has no GIN: Django would try to
rebuild them whenever SQLite copies a table. The expressions are those of
the searches of that time, so the planner could use them (migration 0011 replaces both with one
index over each event's stored search document).
"""

from django.contrib.postgres.indexes import GinIndex
from django.contrib.postgres.search import SearchVector
from django.db import migrations

INDEXES = [
    ("Event", GinIndex(SearchVector("title", "summary", config="english"), name="event_search_idx")),
    ("EventSource", GinIndex(SearchVector("sentence", config="english"), name="eventsource_search_idx")),
]


def add_indexes(apps, schema_editor):
    if schema_editor.connection.vendor != "postgresql":
        return
    for model_name, index in INDEXES:
        schema_editor.add_index(apps.get_model("timeline", model_name), index)


def remove_indexes(apps, schema_editor):
    if schema_editor.connection.vendor != "postgresql":
        return
    for model_name, index in INDEXES:
        schema_editor.remove_index(apps.get_model("timeline", model_name), index)


class Migration(migrations.Migration):
    dependencies = [("timeline", "0001_initial")]

    operations = [migrations.RunPython(add_indexes, remove_indexes)]
