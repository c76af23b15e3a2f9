"""Moderators review comments and record comments from other channels: give Wagtail's
Moderators group the two comment permissions (rules.py also accepts the group by name)."""

from django.contrib.auth.management import create_permissions
from django.db import migrations

CODENAMES = ("moderate_comment", "record_comment")


def grant(apps, schema_editor):
    config = apps.get_app_config("consultation")
    config.models_module = True  # migration state apps lack it; create_permissions needs it
    create_permissions(config, apps=apps, verbosity=0)
    config.models_module = None
    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    moderators, _created = Group.objects.get_or_create(name="Moderators")
    permissions = Permission.objects.filter(
        content_type__app_label="consultation", codename__in=CODENAMES
    )
    moderators.permissions.add(*permissions)


def revoke(apps, schema_editor):
    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    group = Group.objects.filter(name="Moderators").first()
    if group is not None:
        group.permissions.remove(
            *Permission.objects.filter(
                content_type__app_label="consultation", codename__in=CODENAMES
            )
        )


class Migration(migrations.Migration):
    dependencies = [
        ("consultation", "0003_comments"),
        ("auth", "0012_alter_user_first_name_max_length"),
    ]

    operations = [migrations.RunPython(grant, revoke)]
