"""Survey answers given on paper are now "mail", like paper comments: frozen run items, the
population shares staff entered and the stored report figures follow, so no report counts
"paper" and "mail" as two channels."""

from django.db import migrations


def _merge(counts: dict) -> dict:
    if "paper" not in counts:
        return counts
    merged = dict(counts)
    merged["mail"] = merged.get("mail", 0) + merged.pop("paper")
    return merged


def forwards(apps, schema_editor):
    AnalysisItem = apps.get_model("analysis", "AnalysisItem")
    PopulationShare = apps.get_model("analysis", "PopulationShare")
    ReportSnapshot = apps.get_model("analysis", "ReportSnapshot")
    AnalysisItem.objects.filter(channel="paper").update(channel="mail")
    shares = PopulationShare.objects.filter(dimension="channel", value="paper")
    for share in shares:
        if not PopulationShare.objects.filter(
            consultation_id=share.consultation_id, dimension="channel", value="mail"
        ).exists():
            share.value = "mail"
            share.save(update_fields=["value"])
    for snapshot in ReportSnapshot.objects.all():
        figures = snapshot.figures or {}
        groups = figures.get("groups", {})
        if "channel" in groups:
            groups["channel"] = _merge(groups["channel"])
        for theme in figures.get("themes", []):
            theme_groups = theme.get("groups", {})
            if "channel" in theme_groups:
                theme_groups["channel"] = _merge(theme_groups["channel"])
        snapshot.save(update_fields=["figures"])


class Migration(migrations.Migration):
    dependencies = [("analysis", "0004_analyst_permissions")]

    operations = [migrations.RunPython(forwards, migrations.RunPython.noop)]
