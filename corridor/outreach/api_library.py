"""API for what the coordinator keeps: messages, policy asks, tours, working groups and
partnerships (the pages read them; the coordinator writes them here or in the demo).

The operations join ``api.router`` (a path's GET and POST must share a router)."""

from typing import Any

from django.core.exceptions import ValidationError
from django.http import HttpRequest
from ninja import Status

from corridor.api.errors import WRITE_ERRORS
from corridor.api.references import referenced
from corridor.core import policy
from corridor.core.models import Organisation
from corridor.core.services import update_versioned
from corridor.outreach import agenda, evidence, services
from corridor.outreach.api import _get, _refs, router
from corridor.outreach.models import Message, Partnership, PolicyAsk, Tour, WorkingGroup
from corridor.outreach.schemas import (
    AskIn,
    AskOut,
    AskPatch,
    MessageIn,
    MessageOut,
    PartnershipIn,
    PartnershipOut,
    TourIn,
    TourOut,
    WorkingGroupIn,
    WorkingGroupOut,
)


def _evidence(keys: list[str]) -> list[str]:
    unknown = evidence.unknown_keys(keys)
    if unknown:
        raise ValidationError({"evidence": f"Unknown evidence keys: {', '.join(unknown)}."})
    return keys


def _create(request: HttpRequest, model: type[Any], **fields: Any) -> Any:
    return services.create_record(request.user, model, **fields)


@router.post("/messages", response={201: MessageOut, **WRITE_ERRORS}, summary="Add a message")
def create_message(request: HttpRequest, payload: MessageIn) -> Status[Any]:
    policy.require_create(request.user, Message)  # before any id is looked up
    data = payload.model_dump()
    data["evidence"] = _evidence(data["evidence"])
    return Status(201, _create(request, Message, **data))


@router.post("/policy-asks", response={201: AskOut, **WRITE_ERRORS}, summary="Add an ask")
def create_ask(request: HttpRequest, payload: AskIn) -> Status[Any]:
    policy.require_create(request.user, PolicyAsk)  # before any id is looked up
    data = payload.model_dump(exclude={"owner_id"})
    data["evidence"] = _evidence(data["evidence"])
    owner = referenced(request, Organisation, payload.owner_id, "owner_id")
    ask = _create(request, PolicyAsk, owner=owner, **data)
    ask.support = 0
    return Status(201, ask)


@router.patch("/policy-asks/{ask_id}", response={200: AskOut, **WRITE_ERRORS})
def patch_ask(request: HttpRequest, ask_id: int, payload: AskPatch) -> Any:
    ask = _get(request, PolicyAsk, ask_id)
    update_versioned(
        request.user, ask, payload.model_dump(exclude={"version"}, exclude_none=True),
        payload.version,
    )  # fmt: skip
    return agenda.with_support(policy.visible(request.user, PolicyAsk)).get(pk=ask.pk)


@router.post("/tours", response={201: TourOut, **WRITE_ERRORS}, summary="Add a tour")
def create_tour(request: HttpRequest, payload: TourIn) -> Status[Any]:
    policy.require_create(request.user, Tour)  # before any id is looked up
    organisation = referenced(request, Organisation, payload.organisation_id, "organisation_id")
    data = payload.model_dump(exclude={"organisation_id"})
    return Status(201, _create(request, Tour, organisation=organisation, **data))


@router.post("/working-groups", response={201: WorkingGroupOut, **WRITE_ERRORS})
def create_working_group(request: HttpRequest, payload: WorkingGroupIn) -> Status[Any]:
    policy.require_create(request.user, WorkingGroup)  # before any id is looked up
    lead = referenced(request, Organisation, payload.lead_id, "lead_id")
    members = _refs(request, Organisation, payload.member_ids, "member_ids")
    data = payload.model_dump(exclude={"lead_id", "member_ids"})
    group = _create(request, WorkingGroup, lead=lead, many={"members": members}, **data)
    return Status(201, group)


@router.post("/partnerships", response={201: PartnershipOut, **WRITE_ERRORS})
def create_partnership(request: HttpRequest, payload: PartnershipIn) -> Status[Any]:
    policy.require_create(request.user, Partnership)  # before any id is looked up
    partners = _refs(request, Organisation, payload.partner_ids, "partner_ids")
    data = payload.model_dump(exclude={"partner_ids"})
    partnership = _create(request, Partnership, many={"partners": partners}, **data)
    return Status(201, partnership)
