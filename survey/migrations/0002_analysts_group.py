"""Analysts read survey results in the Wagtail admin, so the group exists and may open the admin.
Editors and Moderators come from Wagtail's own migrations."""

from django.db import migrations


def create_analysts(apps, schema_editor):
    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    group, _created = Group.objects.get_or_create(name="Analysts")
    access = Permission.objects.filter(
        content_type__app_label="wagtailadmin", codename="access_admin"
    ).first()
    if access is not None:
        group.permissions.add(access)


class Migration(migrations.Migration):
    dependencies = [
        ("survey", "0001_initial"),
        ("wagtailadmin", "0001_create_admin_access_permissions"),
        ("auth", "0012_alter_user_first_name_max_length"),
    ]

    operations = [migrations.RunPython(create_analysts, migrations.RunPython.noop)]
