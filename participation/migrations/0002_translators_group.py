"""Translators add translations of residents' comments and survey answers in the admin, so
the group exists, may open the admin and holds the add-translation permission."""

from django.db import migrations


def create_translators(apps, schema_editor):
    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    ContentType = apps.get_model("contenttypes", "ContentType")
    group, _created = Group.objects.get_or_create(name="Translators")
    access = Permission.objects.filter(
        content_type__app_label="wagtailadmin", codename="access_admin"
    ).first()
    if access is not None:
        group.permissions.add(access)
    content_type, _created = ContentType.objects.get_or_create(
        app_label="participation", model="translation"
    )
    add, _created = Permission.objects.get_or_create(
        content_type=content_type,
        codename="add_translation",
        defaults={"name": "Can add translation"},
    )
    group.permissions.add(add)


class Migration(migrations.Migration):
    dependencies = [
        ("participation", "0001_initial"),
        ("wagtailadmin", "0001_create_admin_access_permissions"),
        ("auth", "0012_alter_user_first_name_max_length"),
        ("contenttypes", "0002_remove_content_type_name"),
    ]

    operations = [migrations.RunPython(create_translators, migrations.RunPython.noop)]
