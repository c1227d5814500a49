"""The "Editors" group: exactly what correcting the timeline needs, and nothing about user accounts.

Editors change events (verify, hide, merge, split, correct), actors and their aliases, articles'
publication dates and storylines. They cannot delete an event (hiding is what survives a re-import;
a merge removes merged-away events itself) nor manage users or groups.
"""

from django.contrib.auth.management import create_permissions
from django.db import migrations

EDITOR_PERMISSIONS = {
    "event": ["view", "change"],
    "eventsource": ["view", "change"],
    "actor": ["view", "add", "change"],
    "actoralias": ["view", "add", "change", "delete"],
    "article": ["view", "change"],
    "thread": ["view", "add", "change"],
    "source": ["view"],
    "temporalexpression": ["view"],
    "correction": ["view"],
}


def create_editors(apps, schema_editor):
    # Permissions are normally created after all migrations ran; the group needs them now.
    for app_config in apps.get_app_configs():
        app_config.models_module = True
        create_permissions(app_config, apps=apps, verbosity=0)
        app_config.models_module = None
    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    editors, _ = Group.objects.get_or_create(name="Editors")
    codenames = [f"{action}_{model}" for model, actions in EDITOR_PERMISSIONS.items() for action in actions]
    permissions = Permission.objects.filter(content_type__app_label="timeline", codename__in=codenames)
    editors.permissions.set(permissions)


def remove_editors(apps, schema_editor):
    apps.get_model("auth", "Group").objects.filter(name="Editors").delete()


class Migration(migrations.Migration):
    dependencies = [
        ("timeline", "0002_search_indexes"),
        ("auth", "0012_alter_user_first_name_max_length"),
        ("contenttypes", "0002_remove_content_type_name"),
    ]

    operations = [migrations.RunPython(create_editors, remove_editors)]
