"""Data migration 0005: near-duplicate keys stored under the old layout are recomputed with the
one rule the engine shares, so an old campaign still matches a new copy."""

import importlib

import pytest
from django.apps import apps

from consultation.models import CommentNearKey
from participation.duplicates import band_keys
from tests.factories import CommentFactory

pytestmark = pytest.mark.django_db
migration = importlib.import_module("consultation.migrations.0005_near_keys_one_rule")

TEXT = (
    "I support the Customer Bill of Rights because every resident deserves a quick answer "
    "from the City in their own language, and I ask the Council to adopt it this year."
)


def test_old_band_keys_are_replaced_and_erased_comments_stay_without(demo):
    kept = CommentFactory(text=TEXT)
    erased = CommentFactory(text=TEXT + " Thanks.")
    CommentNearKey.objects.create(comment=kept, band=0, bucket=12345)
    migration.recompute(apps, None)
    stored = list(
        CommentNearKey.objects.filter(comment=kept)
        .order_by("band")
        .values_list("bucket", flat=True)
    )
    assert stored == band_keys(TEXT)
    assert not CommentNearKey.objects.filter(comment=erased).exists()
