"""Editors publish drafts and submit translations; Wagtail's default Editors group can only
save drafts, so the group gets publish rights on the page tree and the translation permission."""

from django.db import migrations


def grant(apps, schema_editor):
    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    Page = apps.get_model("wagtailcore", "Page")
    GroupPagePermission = apps.get_model("wagtailcore", "GroupPagePermission")
    editors, _created = Group.objects.get_or_create(name="Editors")
    root = Page.objects.filter(depth=1).first()
    publish = Permission.objects.filter(
        content_type__app_label="wagtailcore", codename="publish_page"
    ).first()
    if root is not None and publish is not None:
        GroupPagePermission.objects.get_or_create(group=editors, page=root, permission=publish)
    submit = Permission.objects.filter(
        content_type__app_label="wagtail_localize", codename="submit_translation"
    ).first()
    if submit is not None:
        editors.permissions.add(submit)


def revoke(apps, schema_editor):
    GroupPagePermission = apps.get_model("wagtailcore", "GroupPagePermission")
    GroupPagePermission.objects.filter(
        group__name="Editors", permission__codename="publish_page", page__depth=1
    ).delete()


class Migration(migrations.Migration):
    dependencies = [
        ("consultation", "0001_initial"),
        ("wagtailcore", "0098_apitoken"),
        ("wagtail_localize", "0016_rename_page_revision_translationlog_revision"),
    ]

    operations = [migrations.RunPython(grant, revoke)]
