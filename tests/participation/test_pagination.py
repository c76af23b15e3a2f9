"""Pages read by primary key first hold exactly the rows Django's own paginator gives, from
the front and from the back of the list, with or without a count the caller already has."""

import pytest
from django.core.paginator import Paginator

from consultation.models import Comment
from participation.pagination import PrimaryKeyPaginator
from tests.factories import CommentFactory

pytestmark = pytest.mark.django_db


def test_every_page_matches_djangos_paginator(demo):
    CommentFactory.create_batch(23)
    rows = Comment.objects.order_by("received_at", "pk")
    plain = Paginator(rows, 5, orphans=2)
    keyed = PrimaryKeyPaginator(rows, 5, orphans=2)
    assert keyed.num_pages == plain.num_pages
    for number in plain.page_range:
        expected = [c.pk for c in plain.page(number).object_list]
        assert [c.pk for c in keyed.page(number).object_list] == expected


def test_a_known_count_spares_the_count_query(demo, django_assert_num_queries):
    CommentFactory.create_batch(4)
    rows = Comment.objects.order_by("-pk")
    paginator = PrimaryKeyPaginator(rows, 3, known_count=4)
    with django_assert_num_queries(2):  # the page's keys, then its rows
        page = paginator.page(2)
    assert [c.pk for c in page.object_list] == list(rows.values_list("pk", flat=True))[3:]


def test_lists_that_are_not_querysets_page_as_usual():
    assert list(PrimaryKeyPaginator(list(range(10)), 4).page(3).object_list) == [8, 9]
