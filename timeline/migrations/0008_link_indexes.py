"""Indexes that lead with the actor (or storyline) on the event links.

Django's own index on ``actor_id`` finds an actor's links but must then read each row for its
``event_id``; with both columns in one index, the events of a busy actor are read from the index
alone, which is what counting them week by week for the timeline needs.
"""

from django.db import migrations

LINKS = [
    ("timeline_event_actors", "actor_id", "timeline_event_actors_actor_event_idx"),
    ("timeline_event_threads", "thread_id", "timeline_event_threads_thread_event_idx"),
]


class Migration(migrations.Migration):
    dependencies = [("timeline", "0007_eventsource_frame")]

    operations = [
        migrations.RunSQL(
            f"CREATE INDEX {name} ON {table} ({column}, event_id)",
            reverse_sql=f"DROP INDEX {name}",
        )
        for table, column, name in LINKS
    ]
