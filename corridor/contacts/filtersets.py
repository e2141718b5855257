"""Filters shared by the contacts' list page and the API lists."""

import datetime as dt
from typing import Annotated, Any

from django.db.models import Q
from ninja import FilterLookup, FilterSchema
from pydantic import Field

from corridor.contacts.models import Role, TouchKind
from corridor.core.filtersets import MAX_ID


def _id(description: str) -> Any:
    return Field(None, ge=1, le=MAX_ID, description=description)


class CompanyContactFilter(FilterSchema):
    q: str | None = Field(
        None, max_length=200, description="Words in the person's name or title, or the company's"
    )
    role: Role | None = Field(None, description="e.g. plant_manager, hr, purchasing")
    company: Annotated[int | None, FilterLookup("company_id")] = _id("Company id")
    facility: Annotated[int | None, FilterLookup("facility_id")] = _id("Facility id")
    owner: Annotated[int | None, FilterLookup("owner_organisation_id")] = _id(
        "The organisation that recorded the person"
    )

    def filter_q(self, value: str | None) -> Q:
        if not value:
            return Q()
        query = Q()
        for word in value.split():
            query &= (
                Q(name__icontains=word)
                | Q(title__icontains=word)
                | Q(company__name__icontains=word)
            )
        return query


class TouchFilter(FilterSchema):
    facility: Annotated[int | None, FilterLookup("facility_id")] = _id("Facility id")
    organisation: Annotated[int | None, FilterLookup("organisation_id")] = _id(
        "The organisation that logged it"
    )
    kind: TouchKind | None = Field(None, description="phone, email, meeting, tour, event, other")
    contact: Annotated[int | None, FilterLookup("contacts__id")] = _id("A person touched")
    from_date: Annotated[dt.date | None, FilterLookup("happened_on__gte")] = Field(
        None, description="On or after this day"
    )
    to_date: Annotated[dt.date | None, FilterLookup("happened_on__lte")] = Field(
        None, description="On or before this day"
    )
