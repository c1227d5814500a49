"""Each actor keeps its prominence (``ranking.prominence``), so that an import ranks again the events
of the actors whose prominence stepped, not only the events it touched. Filled from the number of
events naming each actor; ``manage.py rank_events`` brings the events' importance to it."""

from django.db import migrations, models
from django.db.models import Count


def fill(apps, schema_editor):
    from timeline.services.ranking import prominence

    Actor = apps.get_model("timeline", "Actor")
    links = apps.get_model("timeline", "Event").actors.through
    stepped = []
    for actor_id, n in links.objects.values_list("actor_id").annotate(n=Count("id")).values_list("actor_id", "n"):
        if weight := prominence(n):
            stepped.append(Actor(pk=actor_id, prominence=weight))
    Actor.objects.bulk_update(stepped, ["prominence"], batch_size=1000)


class Migration(migrations.Migration):
    dependencies = [("timeline", "0018_search_week_index")]

    operations = [
        migrations.AddField(model_name="actor", name="prominence", field=models.FloatField(default=0.0)),
        migrations.RunPython(fill, migrations.RunPython.noop),
    ]
