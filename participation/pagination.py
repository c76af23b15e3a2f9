"""Paging through tens of thousands of rows without paying for the rows skipped.

Django's Paginator slices the whole query: OFFSET 99,950 makes the database build (and join)
every row before the page. Here a page first reads only the primary keys in the list's order,
which an index answers without visiting the rows, and from whichever end is nearer, then loads
that page's rows with their joins. The order must end in a unique column (e.g. "pk") so both
directions agree."""

from django.core.paginator import Paginator
from django.db.models import QuerySet


class PrimaryKeyPagesMixin:
    """Mix into a Paginator class; object_list that is not an ordered QuerySet pages as usual.
    `known_count` spares the COUNT query when the caller already counted the rows."""

    def __init__(self, *args, known_count: int | None = None, **kwargs):
        super().__init__(*args, **kwargs)
        if known_count is not None:
            self.__dict__["count"] = known_count  # Paginator.count is a cached_property

    def page(self, number):
        rows = self.object_list
        if not (isinstance(rows, QuerySet) and rows.ordered):
            return super().page(number)
        number = self.validate_number(number)
        bottom = (number - 1) * self.per_page
        top = bottom + self.per_page
        if top + self.orphans >= self.count:
            top = self.count
        if bottom > self.count // 2:
            keys = rows.reverse().values_list("pk", flat=True)[
                self.count - top : self.count - bottom
            ]
        else:
            keys = rows.values_list("pk", flat=True)[bottom:top]
        found = list(rows.filter(pk__in=list(keys)))
        return self._get_page(found, number, self)


class PrimaryKeyPaginator(PrimaryKeyPagesMixin, Paginator):
    pass
