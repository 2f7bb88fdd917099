"""Numbered pages, as the site's lists have: `page` and `page_size` (at most 100) in the query,
`{"count": …, "page": …, "items": [...]}` in the answer."""

from typing import Any

from django.db.models import QuerySet
from django.http import HttpRequest
from ninja import Field, Schema
from ninja.pagination import PageNumberPagination

MAX_PAGE_SIZE = 100


class Pages(PageNumberPagination):
    class Input(Schema):
        page: int = Field(1, ge=1, le=10_000)
        page_size: int = Field(20, ge=1, le=MAX_PAGE_SIZE)

    class Output(Schema):
        count: int = Field(description="How many there are in all the pages.")
        page: int
        items: list[Any]

    def paginate_queryset(
        self, queryset: QuerySet, pagination: Input, request: HttpRequest, **params: Any
    ) -> dict:
        start = (pagination.page - 1) * pagination.page_size
        return {
            "count": self._items_count(queryset),
            "page": pagination.page,
            "items": queryset[start : start + pagination.page_size],
        }
