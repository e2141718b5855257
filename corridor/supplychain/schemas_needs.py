"""API shapes of supply needs, introductions, gaps, the taxonomy and facilities' capabilities.

Who the buyer is follows the confidentiality of calls (``policy.can_read_confidential``): for
anyone but the recording municipality and the coordinator, ``buyer_id``, ``buyer``,
``description``, ``call_id`` and ``recorded_on`` are ``null`` (the buyer's municipality
is shared).
"""

import datetime as dt
from typing import Any

from ninja import Field, Schema

from corridor.core import policy
from corridor.core.filtersets import MAX_ID
from corridor.core.schemas import CleanText


def _user(context: Any) -> Any:
    request = (context or {}).get("request")
    return getattr(request, "user", None)


def _sees(obj: Any, context: Any) -> bool:
    return policy.can_read_confidential(_user(context), obj)


class NeedOut(Schema):
    id: int
    capability: str = Field(..., alias="capability.key", description="Capability key")
    capability_label: str = Field(..., alias="capability.label")
    buyer_visible: bool = Field(False, description="Whether you may know who the buyer is")
    buyer_id: int | None = Field(None, description="The buyer facility (null unless visible)")
    buyer: str | None = None
    municipality_id: int | None = Field(None, description="Where the buyer is")
    municipality: str | None = None
    description: str | None = Field(None, description="Details (null unless the buyer is)")
    annual_value: int | None = Field(None, description="Canadian dollars a year")
    annual_volume: str
    sourced_from: str = Field(..., description="us, mexico, asia, europe, canada, ontario, unknown")
    urgency: str = Field(..., description="low, medium or high")
    status: str = Field(..., description="open, introduced, sourced_locally or dropped")
    radius_km: int = Field(..., description="How far from the buyer a supplier counts as local")
    organisation_id: int = Field(..., description="Who recorded it")
    organisation: str = Field(..., alias="organisation.label")
    call_id: int | None = Field(None, description="The call it was heard on (null unless visible)")
    recorded_on: dt.date | None = None
    version: int

    @staticmethod
    def resolve_buyer_visible(obj: Any, context: Any) -> bool:
        return _sees(obj, context)

    @staticmethod
    def resolve_buyer_id(obj: Any, context: Any) -> int | None:
        return obj.buyer_id if _sees(obj, context) else None

    @staticmethod
    def resolve_buyer(obj: Any, context: Any) -> str | None:
        return obj.buyer.name if _sees(obj, context) else None

    @staticmethod
    def resolve_municipality_id(obj: Any) -> int | None:
        return obj.buyer.municipality_id

    @staticmethod
    def resolve_municipality(obj: Any) -> str | None:
        place = obj.buyer.municipality if obj.buyer.municipality_id else None
        return place.name if place is not None else None

    @staticmethod
    def resolve_description(obj: Any, context: Any) -> str | None:
        return obj.description if _sees(obj, context) else None

    @staticmethod
    def resolve_call_id(obj: Any, context: Any) -> int | None:
        return obj.call_id if _sees(obj, context) else None

    @staticmethod
    def resolve_recorded_on(obj: Any, context: Any) -> dt.date | None:
        return obj.created_at.date() if _sees(obj, context) else None


class NeedIn(CleanText):
    buyer_id: int = Field(..., ge=1, le=MAX_ID)
    capability: str = Field(..., max_length=60, description="Capability key")
    organisation_id: int = Field(..., ge=1, le=MAX_ID, description="Who records it")
    description: str = Field("", max_length=5000)
    annual_value: int | None = Field(None, ge=0, le=10**12)
    annual_volume: str = Field("", max_length=120)
    sourced_from: str = Field("unknown", max_length=10)
    urgency: str = Field("medium", max_length=6)
    radius_km: int = Field(150, ge=1, le=2000)


class StatusIn(CleanText):
    status: str = Field(
        ..., max_length=16, description="open, introduced, sourced_locally, dropped"
    )


class LocalSupplierOut(Schema):
    facility_id: int
    name: str
    tier: str
    municipality: str | None
    distance_km: float | None = Field(
        ..., description="From the buyer (null unless you may know the buyer)"
    )


class IntroductionOut(Schema):
    id: int
    need_id: int
    supplier_id: int
    supplier: str = Field(..., alias="supplier.name")
    introduced_on: dt.date
    introduced_by: str | None = None
    outcome: str = Field(..., description="pending, meeting, quote, contract or no_fit")
    notes: str
    version: int

    @staticmethod
    def resolve_introduced_by(obj: Any) -> str | None:
        return obj.introduced_by.get_username() if obj.introduced_by else None


class IntroductionIn(CleanText):
    supplier_id: int = Field(..., ge=1, le=MAX_ID)
    introduced_on: dt.date | None = Field(None, description="Today when not given")
    notes: str = Field("", max_length=5000)


class OutcomeIn(CleanText):
    outcome: str = Field(
        ..., max_length=10, description="pending, meeting, quote, contract, no_fit"
    )
    notes: str = Field("", max_length=5000)


class GapOut(Schema):
    rank: int
    capability: str
    capability_label: str
    kind: str
    open_needs: int | None = Field(..., description="null: fewer than 5 buyers (partners)")
    unmet_needs: int | None = Field(
        ..., description="Needs with fewer than k local suppliers; null as open_needs"
    )
    buyers: int | None = Field(..., description="Companies behind the needs (null: fewer than 5)")
    unmet_value: int | None = Field(..., description="Dollars a year (null: suppressed)")
    total_value: int | None
    fewest_local_suppliers: int | None
    suppliers_in_region: int


class RiskOut(Schema):
    capability: str
    capability_label: str
    supplier_id: int
    supplier: str | None
    oem_plant_ids: list[int]


class GapsOut(Schema):
    k: int
    radius_km: int = Field(..., description="The concentration risks' radius")
    values_suppressed_below: int
    gaps: list[GapOut]
    concentration_risks: list[RiskOut]


class CapabilityOut(Schema):
    id: int
    key: str
    parent: str | None = Field(None, description="The parent's key")
    kind: str = Field(..., description="process, material, product or service")
    label: str
    synonyms: list[str]

    @staticmethod
    def resolve_parent(obj: Any) -> str | None:
        return obj.parent.key if obj.parent_id else None

    @staticmethod
    def resolve_synonyms(obj: Any) -> list[str]:
        return list(obj.synonym_list())


class FacilityCapabilityOut(Schema):
    id: int
    facility_id: int
    capability: str = Field(..., alias="capability.key")
    capability_label: str = Field(..., alias="capability.label")
    source: str = Field(..., description="products, officer, call or demo")
    added_by: str | None = None
    created_at: dt.datetime

    @staticmethod
    def resolve_added_by(obj: Any) -> str | None:
        return obj.added_by.get_username() if obj.added_by else None


class TagIn(CleanText):
    capability: str = Field(..., max_length=60, description="Capability key")
