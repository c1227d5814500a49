"""The lists of articles and actors read from indexes: each article's events from its sources, each
actor's from its links, looked up among the hidden events alone; the actors in the order of their
names. On PostgreSQL, the number of articles is kept (``ArticleCount``) by triggers on the articles."""

from django.db import migrations, models

from timeline import summaries


install, uninstall = summaries.triggers_installed(
    summaries.ARTICLE_COUNT_INSTALL, summaries.ARTICLE_COUNT_UNINSTALL, summaries.rebuild_article_count
)


class Migration(migrations.Migration):
    dependencies = [("timeline", "0016_word_counts")]

    operations = [
        migrations.AddIndex(
            model_name="event",
            index=models.Index(condition=models.Q(("status", "hidden")), fields=["id"], name="event_hidden_idx"),
        ),
        migrations.AddIndex(
            model_name="eventsource",
            index=models.Index(fields=["article", "event"], name="eventsource_article_event_idx"),
        ),
        migrations.AddIndex(
            model_name="actor",
            index=models.Index(
                condition=models.Q(("merged_into", None)), fields=["name"], name="actor_listing_idx"
            ),
        ),
        migrations.CreateModel(
            name="ArticleCount",
            fields=[
                ("id", models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name="ID")),
                ("n", models.IntegerField()),
            ],
        ),
        migrations.RunPython(install, uninstall),
    ]
