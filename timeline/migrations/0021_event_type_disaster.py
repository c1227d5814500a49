"""A kind of event of its own for disasters and accidents: what a quake, a fire or a crash did or
befell in is no attack."""

from django.db import migrations, models


class Migration(migrations.Migration):
    dependencies = [
        ("timeline", "0020_matching_doer_roles_indexes"),
    ]

    operations = [
        migrations.AlterField(
            model_name="event",
            name="event_type",
            field=models.CharField(
                choices=[
                    ("statement", "Statement"),
                    ("meeting", "meeting or visit"),
                    ("military", "military action"),
                    ("attack", "Attack"),
                    ("disaster", "disaster or accident"),
                    ("agreement", "agreement or aid"),
                    ("announcement", "Announcement"),
                    ("decision", "Decision"),
                    ("legal", "legal action"),
                    ("other", "Other"),
                ],
                default="other",
                max_length=20,
            ),
        ),
    ]
