"""Filters shared by the calls' list pages, their exports and their API lists, so they never
disagree. A page reads them with ``core.views.common.read_page_filters`` (its defaults, e.g.
open flags, are the page's own); the API with ``Query[...]``."""

import datetime as dt
from typing import Annotated, Any, Self

from django.db.models import Q
from django.utils import timezone
from ninja import FilterLookup, FilterSchema
from pydantic import Field, PrivateAttr

from corridor.calls.models import (
    Approval,
    CallStatus,
    FlagCategory,
    FlagStatus,
    FollowUpStatus,
    Severity,
)
from corridor.core import policy
from corridor.core.filtersets import MAX_ID


def _id(description: str) -> Any:
    return Field(None, ge=1, le=MAX_ID, description=description)


class CallFilter(FilterSchema):
    facility: Annotated[int | None, FilterLookup("facility_id")] = _id("Facility id")
    organisation: Annotated[int | None, FilterLookup("organisation_id")] = _id(
        "The municipality (or office) making the call"
    )
    status: CallStatus | None = Field(None, description="planned, completed or cancelled")
    approval: Approval | None = Field(
        None, description="e.g. pending: plans waiting for approval (conflicts)"
    )
    from_date: Annotated[dt.date | None, FilterLookup("scheduled_on__gte")] = Field(
        None, description="Scheduled on or after this day"
    )
    to_date: Annotated[dt.date | None, FilterLookup("scheduled_on__lte")] = Field(
        None, description="Scheduled on or before this day"
    )
    campaign: Annotated[int | None, FilterLookup("campaign_id")] = _id("Campaign id")


class FlagFilter(FilterSchema):
    severity: Severity | None = Field(None, description="red or yellow")
    category: FlagCategory | None = None
    status: FlagStatus | None = Field(None, description="open, closed or withdrawn")
    facility: Annotated[int | None, FilterLookup("facility_id")] = _id("Facility id")
    organisation: Annotated[int | None, FilterLookup("organisation_id")] = _id(
        "The organisation that raised it"
    )
    municipality: Annotated[int | None, FilterLookup("facility__municipality_id")] = _id(
        "The municipality the facility is in"
    )


class FollowUpFilter(FilterSchema):
    status: FollowUpStatus | None = Field(None, description="open, done or cancelled")
    overdue: bool | None = Field(
        None, description="true: open and past due; false: everything else"
    )
    owner_organisation: Annotated[int | None, FilterLookup("owner_organisation_id")] = _id(
        "The organisation that owns it"
    )
    facility: Annotated[int | None, FilterLookup("facility_id")] = _id("Facility id")
    mine: bool | None = Field(
        None, description="true: yours and your organisations' follow-ups; false: the others"
    )

    _reader: policy.Actor | None = PrivateAttr(None)

    def for_reader(self, user: Any) -> Self:
        """These filters as ``user`` asks them (``mine`` is theirs)."""
        self._reader = policy.actor_for(user)
        return self

    def filter_mine(self, value: bool | None) -> Q:
        if value is None:
            return Q()
        if self._reader is None:
            raise RuntimeError("FollowUpFilter.mine needs for_reader(user) first")
        actor = self._reader
        own = Q(owner_id=actor.user_id) | Q(owner_organisation_id__in=actor.organisation_ids)
        return own if value else ~own

    def filter_overdue(self, value: bool | None) -> Q:
        if value is None:
            return Q()
        late = Q(status=FollowUpStatus.OPEN, due_on__lt=timezone.localdate())
        return late if value else ~late


class LeadAssignmentFilter(FilterSchema):
    facility: Annotated[int | None, FilterLookup("facility_id")] = _id("Facility id")
    organisation: Annotated[int | None, FilterLookup("organisation_id")] = _id(
        "The lead municipality"
    )


class CampaignFilter(FilterSchema):
    running: bool | None = Field(None, description="true: running today")

    def filter_running(self, value: bool | None) -> Q:
        if value is None:
            return Q()
        today = timezone.localdate()
        now = Q(starts_on__lte=today, ends_on__gte=today)
        return now if value else ~now
