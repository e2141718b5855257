"""API of supply needs, introductions, gaps, the capability taxonomy and facilities' tags.

Every endpoint reads through the access policy and acts through ``needs`` and
``tags``. Needs are for participants (partners get an empty list, 404 for one
need); the buyer of a need is known only to the municipality that recorded it and
to the coordinator: the need's buyer fields are ``null`` for everyone else, and its
introductions answer 404 to them. Gaps are for everyone signed in, with the small
counts and the values behind fewer than 5 buyers suppressed for partners.
"""

from typing import Any

from django.core.exceptions import ValidationError
from django.db.models import Q
from django.http import Http404, HttpRequest
from django.shortcuts import get_object_or_404
from django.utils import timezone
from ninja import Field, Query, Router, Schema, Status
from ninja.pagination import paginate

from corridor.api.errors import ERRORS, LIST_ERRORS, WRITE_ERRORS
from corridor.api.pagination import PageNumber
from corridor.api.references import referenced
from corridor.core import policy
from corridor.core.models import Organisation
from corridor.registry.models import Facility
from corridor.supplychain import needs, tags
from corridor.supplychain.filtersets import NeedFilter
from corridor.supplychain.gap_report import analysis_for
from corridor.supplychain.gaps import suppliers_for
from corridor.supplychain.models import (
    Capability,
    FacilityCapability,
    Introduction,
    SupplyNeed,
)
from corridor.supplychain.schemas_needs import (
    CapabilityOut,
    FacilityCapabilityOut,
    GapOut,
    GapsOut,
    IntroductionIn,
    IntroductionOut,
    LocalSupplierOut,
    NeedIn,
    NeedOut,
    OutcomeIn,
    RiskOut,
    StatusIn,
    TagIn,
)

router = Router(tags=["supply chain"])
NEED_RELATED = ("capability", "buyer", "buyer__municipality", "organisation")


def _capability(request: HttpRequest, key: str, field: str = "capability") -> Capability:
    found: Capability | None = policy.visible(request.user, Capability).filter(key=key).first()
    if found is None:
        raise ValidationError({field: f"Unknown capability '{key}'."})
    return found


def _need(request: HttpRequest, need_id: int) -> SupplyNeed:
    qs = policy.visible(request.user, SupplyNeed).select_related(*NEED_RELATED)
    need: SupplyNeed = get_object_or_404(qs, pk=need_id)
    return need


# Needs


@router.get(
    "/supply-needs",
    response={200: list[NeedOut], **LIST_ERRORS},
    summary="Supply needs (participants); the buyer only for the recording municipality",
)
@paginate(PageNumber)
def list_supply_needs(request: HttpRequest, filters: Query[NeedFilter]):
    user = request.user
    qs = policy.visible(user, SupplyNeed).select_related(*NEED_RELATED)
    qs = filters.for_reader(user).filter(qs)
    return qs.order_by("-annual_value", "pk")


@router.get("/supply-needs/{need_id}", response={200: NeedOut, **ERRORS})
def get_supply_need(request: HttpRequest, need_id: int) -> SupplyNeed:
    return _need(request, need_id)


@router.post(
    "/supply-needs",
    response={201: NeedOut, **WRITE_ERRORS},
    summary="Record a supply need (editors of a municipality, for their municipality)",
)
def create_supply_need(request: HttpRequest, payload: NeedIn) -> Status[SupplyNeed]:
    user = request.user
    policy.require_create(user, SupplyNeed)
    need = needs.record_need(
        user,
        buyer=referenced(request, Facility, payload.buyer_id, "buyer_id"),
        capability=_capability(request, payload.capability),
        organisation=referenced(request, Organisation, payload.organisation_id, "organisation_id"),
        description=payload.description,
        annual_value=payload.annual_value,
        annual_volume=payload.annual_volume,
        sourced_from=payload.sourced_from,
        urgency=payload.urgency,
        radius_km=payload.radius_km,
    )
    return Status(201, _need(request, need.pk))


@router.post(
    "/supply-needs/{need_id}/status",
    response={200: NeedOut, **WRITE_ERRORS},
    summary="Change a need's status (the recording municipality or the coordinator)",
)
def set_supply_need_status(request: HttpRequest, need_id: int, payload: StatusIn) -> SupplyNeed:
    need = _need(request, need_id)
    needs.set_status(request.user, need, payload.status)
    return _need(request, need_id)


@router.get(
    "/supply-needs/{need_id}/suppliers",
    response={200: list[LocalSupplierOut], **ERRORS},
    summary="Suppliers within the need's radius; nearest first when you may know the buyer",
)
def list_need_suppliers(request: HttpRequest, need_id: int) -> list[dict[str, Any]]:
    user = request.user
    need = _need(request, need_id)
    sees = policy.can_read_confidential(user, need)
    nearby = suppliers_for(need)
    plants = {
        f.pk: f
        for f in policy.visible(user, Facility)
        .filter(pk__in=[n.facility_id for n in nearby])
        .select_related("municipality")
    }
    out = [
        {
            "facility_id": n.facility_id,
            "name": plants[n.facility_id].name,
            "tier": plants[n.facility_id].tier,
            "municipality": plants[n.facility_id].municipality.name  # type: ignore[union-attr]
            if plants[n.facility_id].municipality_id
            else None,
            "distance_km": n.distance_km if sees else None,
        }
        for n in nearby
        if n.facility_id in plants
    ]
    if not sees:  # distances from the buyer, or their order, would locate it
        out.sort(key=lambda s: (str(s["name"]).lower(), s["facility_id"]))
    return out


# Introductions (as confidential as the buyer)


def _introductions_of(request: HttpRequest, need_id: int) -> SupplyNeed:
    need = _need(request, need_id)
    if not policy.can_read_confidential(request.user, need):
        raise Http404("No introductions you may read.")
    return need


@router.get(
    "/supply-needs/{need_id}/introductions",
    response={200: list[IntroductionOut], **ERRORS},
    summary="A need's introductions (the recording municipality and the coordinator)",
)
def list_need_introductions(request: HttpRequest, need_id: int) -> Any:
    need = _introductions_of(request, need_id)
    return (
        policy.visible(request.user, Introduction)
        .filter(need=need)
        .select_related("supplier", "introduced_by")
        .order_by("-introduced_on", "pk")
    )


@router.post(
    "/supply-needs/{need_id}/introductions",
    response={201: IntroductionOut, **WRITE_ERRORS},
    summary="Record that the buyer was introduced to a supplier",
)
def create_introduction(
    request: HttpRequest, need_id: int, payload: IntroductionIn
) -> Status[Introduction]:
    need = _introductions_of(request, need_id)
    supplier = referenced(request, Facility, payload.supplier_id, "supplier_id")
    introduction = needs.introduce(
        request.user,
        need,
        supplier,
        payload.introduced_on or timezone.localdate(),
        payload.notes,
    )
    return Status(201, introduction)


@router.get(
    "/introductions",
    response={200: list[IntroductionOut], **LIST_ERRORS},
    summary="Introductions your municipality recorded (all of them for the coordinator)",
)
@paginate(PageNumber)
def list_introductions(request: HttpRequest):
    return (
        policy.visible(request.user, Introduction)
        .select_related("supplier", "introduced_by")
        .order_by("-introduced_on", "pk")
    )


@router.post(
    "/introductions/{introduction_id}/outcome",
    response={200: IntroductionOut, **WRITE_ERRORS},
    summary="Record an introduction's outcome; a contract marks the need sourced locally",
)
def record_introduction_outcome(
    request: HttpRequest, introduction_id: int, payload: OutcomeIn
) -> Introduction:
    qs = policy.visible(request.user, Introduction).select_related("need", "supplier")
    introduction: Introduction = get_object_or_404(qs, pk=introduction_id)
    return needs.record_outcome(request.user, introduction, payload.outcome, payload.notes)


# Gaps


class GapQuery(Schema):
    k: int = Field(1, ge=1, le=10, description="A need is unmet with fewer local suppliers")
    radius_km: int = Field(150, ge=10, le=1000, description="Concentration risk: local radius")


@router.get(
    "/supply-gaps",
    response={200: GapsOut, **LIST_ERRORS},
    summary="Capabilities short of local suppliers, by unmet value; concentration risks",
)
def supply_gaps(request: HttpRequest, params: Query[GapQuery]) -> dict[str, Any]:
    analysis = analysis_for(request.user, params.k, params.radius_km)
    return {
        "k": analysis.k,
        "radius_km": analysis.radius,
        "values_suppressed_below": 0 if analysis.sees_values else 5,
        "gaps": [
            GapOut(
                rank=r.rank,
                capability=r.gap.capability.key,
                capability_label=r.gap.capability.label,
                kind=r.gap.capability.kind,
                open_needs=r.needs,
                unmet_needs=r.unmet_needs,
                buyers=r.buyers.value,
                unmet_value=r.unmet_value,
                total_value=r.total_value,
                fewest_local_suppliers=r.gap.fewest_suppliers,
                suppliers_in_region=r.suppliers_in_region,
            )
            for r in analysis.rows
        ],
        "concentration_risks": [
            RiskOut(
                capability=r.risk.capability.key,
                capability_label=r.risk.capability.label,
                supplier_id=r.risk.supplier_id,
                supplier=r.supplier.name if r.supplier else None,
                oem_plant_ids=[p.pk for p in r.oem_plants],
            )
            for r in analysis.risks
        ],
    }


# The taxonomy and facilities' capabilities


@router.get(
    "/capabilities",
    response={200: list[CapabilityOut], **LIST_ERRORS},
    summary="The capability taxonomy: processes, materials, products, services",
)
@paginate(PageNumber)
def list_capabilities(
    request: HttpRequest, q: str = Query("", max_length=100, description="In labels and synonyms")
):
    qs = policy.visible(request.user, Capability).select_related("parent")
    if q:
        qs = qs.filter(Q(label__icontains=q) | Q(synonyms__icontains=q) | Q(key__icontains=q))
    return qs.order_by("pk")


def _facility(request: HttpRequest, facility_id: int) -> Facility:
    facility: Facility = get_object_or_404(policy.visible(request.user, Facility), pk=facility_id)
    return facility


@router.get(
    "/facilities/{facility_id}/capabilities",
    response={200: list[FacilityCapabilityOut], **ERRORS},
    summary="A facility's capabilities and where each came from",
)
def list_facility_capabilities(request: HttpRequest, facility_id: int) -> Any:
    facility = _facility(request, facility_id)
    return (
        policy.visible(request.user, FacilityCapability)
        .filter(facility=facility)
        .select_related("capability", "added_by")
        .order_by("capability__label")
    )


@router.post(
    "/facilities/{facility_id}/capabilities",
    response={201: FacilityCapabilityOut, **WRITE_ERRORS},
    summary="Tag a facility with a capability (editors of member municipalities, coordinator)",
)
def add_facility_capability(
    request: HttpRequest, facility_id: int, payload: TagIn
) -> Status[FacilityCapability]:
    facility = _facility(request, facility_id)
    policy.require_create(request.user, FacilityCapability)
    tag = tags.add_tag(request.user, facility, _capability(request, payload.capability))
    return Status(201, tag)


@router.delete(
    "/facilities/{facility_id}/capabilities/{capability_key}",
    response={204: None, **WRITE_ERRORS},
    summary="Remove a capability from a facility (kept in its history)",
)
def remove_facility_capability(
    request: HttpRequest, facility_id: int, capability_key: str
) -> Status[None]:
    facility = _facility(request, facility_id)
    policy.require_create(request.user, FacilityCapability)
    tag = get_object_or_404(
        policy.visible(request.user, FacilityCapability),
        facility=facility,
        capability__key=capability_key,
    )
    tags.remove_tag(request.user, tag)
    return Status(204, None)
