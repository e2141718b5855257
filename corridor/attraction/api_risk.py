"""The risk's part of the API (`/api/v1/...`): see docs/api.md.

The list, dismissals and weights read what the pages read (``corridor.attraction.risk``
and ``weights``) and write through the same services: participants read, municipal
editors (their municipality's facilities) and the coordinator dismiss, the dismissing
organisation's editors and the coordinator undo, the coordinator sets the weights.
Partners get empty lists and 403 on the rest.
"""

from typing import Any

from django.core.exceptions import PermissionDenied
from django.http import HttpRequest
from django.shortcuts import get_object_or_404
from ninja import Field, Query, Router, Schema, Status
from ninja.pagination import paginate

from corridor.api.errors import ERRORS, LIST_ERRORS, WRITE_ERRORS
from corridor.api.pagination import PageNumber
from corridor.attraction import risk, weights
from corridor.attraction.models import FacilityRisk, RiskDismissal, RiskReason, RiskWeight
from corridor.attraction.risk import RiskLine
from corridor.attraction.schemas_risk import (
    FacilityRiskOut,
    RiskDismissalOut,
    RiskDismissIn,
    RiskWeightIn,
    RiskWeightOut,
)
from corridor.core import policy
from corridor.core.models import Municipality

router = Router(tags=["attraction"])


class RiskListFilter(Schema):
    municipality: int | None = Field(None, ge=1, le=2**31 - 1, description="Municipality id")
    min_score: int | None = Field(None, ge=0, le=100_000, description="Only scores at least this")


def _out(line: RiskLine) -> dict[str, Any]:
    f = line.facility
    return {
        "id": line.risk_id,
        "facility_id": f.pk,
        "facility": f.name,
        "municipality_id": f.municipality_id,
        "municipality": f.municipality.name if f.municipality is not None else None,
        "score": line.score,
        "jobs": line.jobs,
        "reasons": [
            {
                "reason": r.get("reason", ""),
                "label": r.get("label", ""),
                "weight": r.get("weight", 0),
                "detail": r.get("detail", ""),
                "since": r.get("since"),
                "age_days": r.get("age_days"),
                "path": r.get("path") or "",
            }
            for r in line.reasons
        ],
        "first_listed_at": line.first_listed_at,
        "assessed_at": line.assessed_at,
    }


@router.get(
    "/at-risk",
    response={200: list[FacilityRiskOut], **LIST_ERRORS},
    summary="Facilities whose jobs are at risk, the highest score first (participants)",
)
@paginate(PageNumber)
def list_at_risk(request: HttpRequest, filters: Query[RiskListFilter]):
    place = None
    if filters.municipality is not None:
        place = policy.visible(request.user, Municipality).filter(pk=filters.municipality).first()
        if place is None:
            return []
    lines = risk.listed(request.user, place, min_score=filters.min_score)
    return [_out(line) for line in lines]


@router.post(
    "/at-risk/{facility_id}/dismiss",
    response={201: RiskDismissalOut, **WRITE_ERRORS},
    summary="Dismiss a facility from the list, with a reason (municipal editors, coordinator)",
)
def dismiss(request: HttpRequest, facility_id: int, payload: RiskDismissIn) -> Status[Any]:
    if not policy.can_view(request.user, FacilityRisk):
        raise PermissionDenied("The risk list is kept by the municipalities and the coordinator.")
    found = get_object_or_404(
        policy.visible(request.user, FacilityRisk).select_related("facility"),
        facility__pk=facility_id,  # the facility's own key: a number too large finds nothing
    )
    dismissal = risk.dismiss(request.user, found.facility, payload.reason)
    return Status(201, _dismissal(request, dismissal.pk))


def _dismissals(request: HttpRequest) -> Any:
    return risk.dismissals_for(request.user)


def _dismissal(request: HttpRequest, dismissal_id: int) -> RiskDismissal:
    if not policy.can_view(request.user, RiskDismissal):
        raise PermissionDenied("The risk list is kept by the municipalities and the coordinator.")
    found: RiskDismissal = get_object_or_404(_dismissals(request), pk=dismissal_id)
    return found


@router.get(
    "/risk-dismissals",
    response={200: list[RiskDismissalOut], **LIST_ERRORS},
    summary="Facilities dismissed from the risk list, and why (participants)",
)
@paginate(PageNumber)
def list_dismissals(request: HttpRequest):
    return _dismissals(request)


@router.post(
    "/risk-dismissals/{dismissal_id}/undo",
    response={200: RiskDismissalOut, **ERRORS},
    summary="Undo a dismissal: the facility is back on the list (the dismissing "
    "organisation's editors, coordinator)",
)
def undo_dismissal(request: HttpRequest, dismissal_id: int) -> RiskDismissal:
    dismissal = _dismissal(request, dismissal_id)
    return risk.undo_dismissal(request.user, dismissal)


def _weight_out(w: weights.Weight) -> dict[str, Any]:
    return {
        "reason": w.reason,
        "label": w.label,
        "weight": w.weight,
        "default": w.default,
        "explanation": w.explanation,
        "version": w.row.version if w.row is not None else None,
    }


@router.get(
    "/risk-weights",
    response={200: list[RiskWeightOut], **LIST_ERRORS},
    summary="The weight of each reason of the risk list, and why (participants)",
)
def list_weights(request: HttpRequest) -> list[dict[str, Any]]:
    return [_weight_out(w) for w in weights.weights_for(request.user)]


@router.put(
    "/risk-weights/{reason}",
    response={200: RiskWeightOut, **WRITE_ERRORS},
    summary="Set a reason's weight (the coordinator; the change is kept in the history)",
)
def set_weight(request: HttpRequest, reason: RiskReason, payload: RiskWeightIn) -> dict[str, Any]:
    if not policy.can_view(request.user, RiskWeight):
        raise PermissionDenied("The risk weights are for the municipalities and the coordinator.")
    weights.set_weight(
        request.user, reason.value, payload.weight, payload.explanation, payload.version
    )
    return _weight_out(weights.current_weights()[reason.value])
