"""The pipeline's part of the API (`/api/v1/...`): see docs/api.md.

Every endpoint reads through the access policy and writes through
``corridor/attraction/services.py``, so the API shows what the pages show: a prospect to
its organisation, the coordinator and (when shared) every participant; what the company
told its hosts as ``null`` to anyone who may not read it. Partners see no prospects.
"""

from typing import Any

from django.core.exceptions import PermissionDenied, ValidationError
from django.http import HttpRequest
from django.shortcuts import get_object_or_404
from ninja import Query, Router, Status
from ninja.pagination import paginate

from corridor.api.errors import ERRORS, LIST_ERRORS, WRITE_ERRORS
from corridor.api.pagination import PageNumber
from corridor.api.references import referenced
from corridor.attraction import services
from corridor.attraction.filtersets import ProspectFilter
from corridor.attraction.models import Prospect, StageChange
from corridor.attraction.schemas_pipeline import (
    ProspectIn,
    ProspectOut,
    ProspectPatch,
    StageChangeOut,
    StageMoveIn,
)
from corridor.core import policy
from corridor.core.models import Municipality, Organisation, User
from corridor.intel.models import Fact
from corridor.registry.models import Company, Facility
from corridor.supplychain.models import Capability

router = Router(tags=["attraction"])

RELATED = ("capability", "organisation", "owner")
CLEARABLE = (
    "estimated_investment", "estimated_jobs", "next_step_due", "capability", "owner",
    "municipality",
)  # fmt: skip


def _prospects(request: HttpRequest) -> Any:
    if not policy.can_view(request.user, Prospect):
        raise PermissionDenied("Prospects are kept by the municipalities and the coordinator.")
    return policy.visible(request.user, Prospect).select_related(*RELATED)


def _prospect(request: HttpRequest, prospect_id: int) -> Prospect:
    found: Prospect = get_object_or_404(_prospects(request), pk=prospect_id)
    return found


def _capability(request: HttpRequest, key: str | None) -> Capability | None:
    if not key:
        return None
    found = policy.visible(request.user, Capability).filter(key=key).first()
    if found is None:
        raise ValidationError({"capability": "No capability has this key."})
    return found


def _references(request: HttpRequest, payload: Any, sent: set[str]) -> dict[str, Any]:
    """The objects the payload names by id or key, each only if sent."""
    found: dict[str, Any] = {}
    if "capability" in sent:
        found["capability"] = _capability(request, payload.capability)
    if "owner_id" in sent:
        found["owner"] = referenced(request, User, payload.owner_id, "owner_id")
    if "municipality_id" in sent:
        found["municipality"] = referenced(
            request, Municipality, payload.municipality_id, "municipality_id"
        )
    return found


@router.get(
    "/prospects",
    response={200: list[ProspectOut], **LIST_ERRORS},
    summary="Investment-attraction prospects you may see (municipalities and the coordinator)",
)
@paginate(PageNumber)
def list_prospects(request: HttpRequest, filters: Query[ProspectFilter]):
    if not policy.can_view(request.user, Prospect):
        return policy.visible(request.user, Prospect).none()
    return filters.apply(request.user, _prospects(request)).order_by("name", "pk")


@router.get("/prospects/{prospect_id}", response={200: ProspectOut, **ERRORS})
def get_prospect(request: HttpRequest, prospect_id: int) -> Prospect:
    return _prospect(request, prospect_id)


@router.post(
    "/prospects",
    response={201: ProspectOut, **WRITE_ERRORS},
    summary="Add a prospect (editors of municipalities and the coordinator)",
)
def create_prospect(request: HttpRequest, payload: ProspectIn) -> Status[Prospect]:
    user = request.user
    _prospects(request)
    policy.require_create(user, Prospect)
    sent = payload.model_fields_set
    values = payload.model_dump(
        exclude={
            "capability", "owner_id", "municipality_id", "company_id", "facility_id",
            "source_fact_id", "organisation_id",
        },
        exclude_none=True,
    )  # fmt: skip
    values.update({k: v for k, v in _references(request, payload, sent).items() if v is not None})
    facility = referenced(request, Facility, payload.facility_id, "facility_id")
    company = referenced(request, Company, payload.company_id, "company_id")
    prospect = services.create_prospect(
        user,
        organisation=referenced(request, Organisation, payload.organisation_id, "organisation_id"),
        company=company or (facility.company if facility else None),
        facility=facility,
        source_fact=referenced(request, Fact, payload.source_fact_id, "source_fact_id"),
        **values,
    )
    return Status(201, _prospect(request, prospect.pk))


@router.patch(
    "/prospects/{prospect_id}",
    response={200: ProspectOut, **WRITE_ERRORS},
    summary="Change a prospect (send the version you read; 409 if it changed since)",
)
def update_prospect(request: HttpRequest, prospect_id: int, payload: ProspectPatch) -> Prospect:
    prospect = _prospect(request, prospect_id)
    sent = payload.model_fields_set
    changes = payload.model_dump(
        exclude={"version", "capability", "owner_id", "municipality_id"}, exclude_unset=True
    )
    # null clears a number, a date or a link; text and choices stay when sent as null
    changes = {k: v for k, v in changes.items() if v is not None or k in CLEARABLE}
    changes.update(_references(request, payload, sent))
    services.update_prospect(request.user, prospect, payload.version, **changes)
    return _prospect(request, prospect_id)


@router.post(
    "/prospects/{prospect_id}/stage",
    response={200: ProspectOut, **WRITE_ERRORS},
    summary="Move a prospect to another stage (won needs jobs or investment, lost a reason)",
)
def move_prospect(request: HttpRequest, prospect_id: int, payload: StageMoveIn) -> Prospect:
    prospect = _prospect(request, prospect_id)
    services.move_stage(
        request.user,
        prospect,
        payload.to_stage.value,
        note=payload.note,
        on=payload.on,
        outcome_reason=payload.outcome_reason.value if payload.outcome_reason else "",
        won_investment=payload.won_investment,
        won_jobs=payload.won_jobs,
        loaded_version=payload.version,
    )
    return _prospect(request, prospect_id)


@router.get(
    "/prospects/{prospect_id}/stage-changes",
    response={200: list[StageChangeOut], **ERRORS},
    summary="A prospect's moves from stage to stage, oldest first",
)
@paginate(PageNumber)
def list_stage_changes(request: HttpRequest, prospect_id: int):
    prospect = _prospect(request, prospect_id)
    return (
        policy.visible(request.user, StageChange)
        .filter(prospect=prospect)
        .select_related("changed_by", "prospect")
        .order_by("changed_on", "pk")
    )
