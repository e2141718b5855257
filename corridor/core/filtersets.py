"""Filters shared by the list pages and the API, so the two never disagree."""

from typing import Annotated

from django.db.models import Q
from ninja import FilterLookup, FilterSchema
from pydantic import Field

# Database integers are 64-bit; larger numbers in a query could not even be compared.
MAX_ID = 2**31 - 1
# An id in a list of ids (``list[ObjectId]``), held to the same range.
ObjectId = Annotated[int, Field(ge=1, le=MAX_ID)]


class OrganisationFilter(FilterSchema):
    q: str | None = Field(None, description="Words in the name or short name")
    kind: str | None = Field(None, description="Organisation kind, e.g. municipality")
    economic_region: Annotated[str | None, FilterLookup("municipality__economic_region")] = None

    def filter_q(self, value: str | None) -> Q:
        if not value:
            return Q()
        query = Q()
        for word in value.split():
            query &= Q(name__icontains=word) | Q(short_name__icontains=word)
        return query


class MunicipalityFilter(FilterSchema):
    q: str | None = Field(None, description="Words in the name or its communities")
    economic_region: str | None = None
    census_division: str | None = None

    def filter_q(self, value: str | None) -> Q:
        if not value:
            return Q()
        return Q(name__icontains=value) | Q(aliases__icontains=value)


class ChangeFilter(FilterSchema):
    model: Annotated[str | None, FilterLookup("content_type__model")] = Field(
        None, description="Kind of record, e.g. organisation"
    )
    action: str | None = Field(None, description="create, update, delete or restore")
    user: Annotated[str | None, FilterLookup("user_name")] = None
    request_id: str | None = None
