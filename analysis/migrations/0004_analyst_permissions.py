"""Analysts may edit the codebook and population shares (the Wagtail admin checks model
permissions for snippets)."""

from django.contrib.auth.management import create_permissions
from django.db import migrations

CODENAMES = [
    "add_codebookentry",
    "change_codebookentry",
    "delete_codebookentry",
    "view_codebookentry",
]


def grant(apps, schema_editor):
    app_config = apps.get_app_config("analysis")
    app_config.models_module = True
    create_permissions(app_config, apps=apps, verbosity=0)
    app_config.models_module = None
    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    analysts, _created = Group.objects.get_or_create(name="Analysts")
    analysts.permissions.add(
        *Permission.objects.filter(content_type__app_label="analysis", codename__in=CODENAMES)
    )


def revoke(apps, schema_editor):
    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    for group in Group.objects.filter(name="Analysts"):
        group.permissions.remove(
            *Permission.objects.filter(content_type__app_label="analysis", codename__in=CODENAMES)
        )


class Migration(migrations.Migration):
    dependencies = [("analysis", "0003_reports_review_pages")]

    operations = [migrations.RunPython(grant, revoke)]
