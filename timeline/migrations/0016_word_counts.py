"""Visible events per week of each word of their search documents (``timeline.summaries``): on
PostgreSQL, the triggers on ``SearchWords`` that keep them current and the counts of the events
already stored. Other databases get the table, which stays empty."""

from django.db import migrations, models

from timeline import summaries


install, uninstall = summaries.triggers_installed(
    summaries.WORD_COUNTS_INSTALL,
    summaries.WORD_COUNTS_UNINSTALL,
    summaries.rebuild_word_counts,
    analyze="timeline_wordcount",
)


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
