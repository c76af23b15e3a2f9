"""Near-duplicate band keys follow the one rule the engine uses too (textkit.minhash): the keys
stored under the old eight-band layout are recomputed for every comment that still has them."""

from django.db import migrations


def recompute(apps, schema_editor):
    from textkit.minhash import band_keys

    Comment = apps.get_model("consultation", "Comment")
    CommentNearKey = apps.get_model("consultation", "CommentNearKey")
    with_keys = set(CommentNearKey.objects.values_list("comment_id", flat=True))
    CommentNearKey.objects.all().delete()
    comments = Comment.objects.filter(pk__in=with_keys).only("pk", "text").order_by("pk")
    rows = []
    for comment in comments.iterator(chunk_size=2000):
        rows += [
            CommentNearKey(comment_id=comment.pk, band=band, bucket=bucket)
            for band, bucket in enumerate(band_keys(comment.text))
        ]
        if len(rows) >= 10000:
            CommentNearKey.objects.bulk_create(rows)
            rows = []
    CommentNearKey.objects.bulk_create(rows)


class Migration(migrations.Migration):
    dependencies = [("consultation", "0004_moderator_permissions")]

    operations = [migrations.RunPython(recompute, migrations.RunPython.noop)]
