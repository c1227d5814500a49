"""Visible events per week of each word of their search documents (``timeline.summaries``): on
PostgreSQL, the triggers on ``SearchWords`` that keep them current and the counts of the events
already stored. Other databases get the table, which stays empty."""

from django.db import migrations, models

from timeline import summaries


def install(apps, schema_editor):
    if schema_editor.connection.vendor != "postgresql":
        return
    with schema_editor.connection.cursor() as cursor:
        cursor.execute(summaries.WORD_COUNTS_INSTALL)
    summaries.rebuild_words(schema_editor.connection.alias)
    with schema_editor.connection.cursor() as cursor:
        cursor.execute("ANALYZE timeline_wordcount")


def uninstall(apps, schema_editor):
    if schema_editor.connection.vendor != "postgresql":
        return
    with schema_editor.connection.cursor() as cursor:
        cursor.execute(summaries.WORD_COUNTS_UNINSTALL)  # the table goes with the model


class Migration(migrations.Migration):
    dependencies = [("timeline", "0015_key_span_index")]

    operations = [
        migrations.CreateModel(
            name="WordCount",
            fields=[
                ("id", models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name="ID")),
                ("word", models.TextField()),
                ("week", models.IntegerField(null=True)),
                ("key", models.BooleanField()),
                ("n", models.IntegerField()),
                ("folded", models.BooleanField(db_default=False)),
            ],
            options={
                "indexes": [
                    models.Index(fields=["word", "key", "week", "n"], name="wordcount_lookup_idx"),
                    models.Index(
                        condition=models.Q(("folded", False)),
                        fields=["word", "key", "week"],
                        name="wordcount_unfolded_idx",
                    ),
                ],
            },
        ),
        migrations.RunPython(install, uninstall),
    ]
