"""Filters shared by the supply needs' list page, its export and the API list, so they
never disagree. The page reads them with ``core.views.common.read_page_filters``, the API
with ``Query[NeedFilter]``; both show the active needs (open or introduced) unless asked
for another status or ``all``."""

from __future__ import annotations

from typing import Annotated, Any, Literal, Self

from django.db.models import Q
from ninja import FilterLookup, FilterSchema
from pydantic import Field, PrivateAttr

from corridor.core import policy
from corridor.core.filtersets import MAX_ID
from corridor.supplychain.models import NeedStatus
from corridor.supplychain.taxonomy import load_taxonomy

ACTIVE = (NeedStatus.OPEN, NeedStatus.INTRODUCED)
NeedStatusFilter = Literal["active", "open", "introduced", "sourced_locally", "dropped", "all"]


class NeedFilter(FilterSchema):
    status: NeedStatusFilter | None = Field(
        "active",
        description="active (open or introduced: the default), open, introduced, "
        "sourced_locally, dropped, or all",
    )
    capability: str | None = Field(
        None, max_length=60, description="Capability key (sub-capabilities count)"
    )
    municipality: Annotated[int | None, FilterLookup("buyer__municipality_id")] = Field(
        None, ge=1, le=MAX_ID, description="The buyer's municipality"
    )
    organisation: Annotated[int | None, FilterLookup("organisation_id")] = Field(
        None, ge=1, le=MAX_ID, description="Who recorded the need"
    )
    buyer: int | None = Field(
        None, ge=1, le=MAX_ID, description="Only among the needs whose buyer you may know"
    )
    mine: bool | None = Field(None, description="true: the needs your organisations recorded")
    q: str | None = Field(
        None, max_length=200, description="Words in the capability's name or synonyms"
    )

    _reader: policy.Actor | None = PrivateAttr(None)

    def for_reader(self, user: Any) -> Self:
        """These filters as ``user`` asks them (``buyer`` and ``mine`` depend on who asks)."""
        self._reader = policy.actor_for(user)
        return self

    def _actor(self) -> policy.Actor:
        if self._reader is None:
            raise RuntimeError("NeedFilter.buyer and .mine need for_reader(user) first")
        return self._reader

    def filter_status(self, value: str | None) -> Q:
        if value is None or value == "all":
            return Q()
        if value == "active":
            return Q(status__in=ACTIVE)
        return Q(status=value)

    def filter_capability(self, value: str | None) -> Q:
        if not value:
            return Q()
        return Q(capability__key__in=load_taxonomy().descendants(value))

    def filter_buyer(self, value: int | None) -> Q:
        if value is None:
            return Q()
        actor = self._actor()
        # never confirms a buyer one may not know: only among the needs one may know it of
        own = Q() if actor.is_coordinator else Q(organisation_id__in=actor.organisation_ids)
        return own & Q(buyer_id=value)

    def filter_mine(self, value: bool | None) -> Q:
        if value is None:
            return Q()
        own = Q(organisation_id__in=self._actor().organisation_ids)
        return own if value else ~own

    def filter_q(self, value: str | None) -> Q:
        words = (value or "").strip()
        if not words:
            return Q()
        return Q(capability__label__icontains=words) | Q(capability__synonyms__icontains=words)
