"""API of outreach: the stakeholder directory, engagements and their follow-ups, the
head-office visit planner and briefing packs, the messaging library with live evidence,
the policy agenda with endorsements, the centre of excellence and fleet pilots.

Every endpoint reads through the access policy and acts through ``services`` and
``planner``, as the pages do.
"""

import datetime as dt
from typing import Any

from django.core.exceptions import ValidationError
from django.db.models import Prefetch, Q
from django.http import HttpRequest
from django.shortcuts import get_object_or_404
from ninja import Field, Query, Router, Schema, Status
from ninja.pagination import paginate

from corridor.api.errors import ERRORS, LIST_ERRORS, WRITE_ERRORS, ErrorOut
from corridor.api.pagination import PageNumber
from corridor.api.references import referenced
from corridor.core import policy
from corridor.core.filtersets import MAX_ID
from corridor.core.models import Organisation
from corridor.core.services import update_versioned
from corridor.outreach import agenda, evidence, planner, services
from corridor.outreach.models import (
    Contact,
    Endorsement,
    Engagement,
    EngagementFollowUp,
    EngagementKind,
    FleetPilot,
    HeadOffice,
    Message,
    Participant,
    Partnership,
    PolicyAsk,
    Relationship,
    Tour,
    WorkingGroup,
)
from corridor.outreach.schemas import (
    AskOut,
    BriefingPackOut,
    CommonAgendaOut,
    ContactIn,
    ContactOut,
    EndorsementIn,
    EndorsementOut,
    EngagementCompleteIn,
    EngagementFollowUpIn,
    EngagementFollowUpOut,
    EngagementIn,
    EngagementOut,
    EngagementPatch,
    FigureOut,
    HeadOfficeOut,
    MessageOut,
    ParticipantIn,
    ParticipantOut,
    PartnershipOut,
    PilotIn,
    PilotOut,
    RelationshipIn,
    RelationshipOut,
    TourOut,
    VisitIn,
    WorkingGroupOut,
    figure_out,
)
from corridor.outreach.views.common import acting_organisation
from corridor.registry.models import Facility

router = Router(tags=["outreach"])


def _get(request: HttpRequest, model: type[Any], pk: int, *related: str) -> Any:
    return get_object_or_404(policy.visible(request.user, model).select_related(*related), pk=pk)


def _refs(request: HttpRequest, model: type[Any], ids: list[int], field: str) -> list[Any]:
    found = list(policy.visible(request.user, model).filter(pk__in=ids))
    if len(found) != len(set(ids)):
        raise ValidationError({field: f"Unknown {model._meta.verbose_name_plural} in the list."})
    return found


class RelationshipFilter(Schema):
    contact: int | None = Field(None, ge=1, le=MAX_ID, description="One stakeholder")


class EngagementFilter(Schema):
    kind: str | None = Field(None, max_length=20)
    organisation: int | None = Field(None, ge=1, le=MAX_ID, description="Who runs it")
    from_date: dt.date | None = None
    to_date: dt.date | None = None


class StatusFilter(Schema):
    status: str | None = Field(None, max_length=10, description="open, done or cancelled")


class ThemeFilter(Schema):
    theme: str | None = Field(None, max_length=24)


class AskFilter(Schema):
    ask: int | None = Field(None, ge=1, le=MAX_ID)


# The directory


@router.get("/head-offices", response={200: list[HeadOfficeOut], **LIST_ERRORS})
@paginate(PageNumber)
def list_head_offices(request: HttpRequest):
    return policy.visible(request.user, HeadOffice).order_by("automaker", "scope", "name")


@router.get("/head-offices/{office_id}", response={200: HeadOfficeOut, **ERRORS})
def get_head_office(request: HttpRequest, office_id: int) -> Any:
    return _get(request, HeadOffice, office_id)


class ContactFilter(Schema):
    q: str | None = Field(None, max_length=200, description="Name, role or organisation")
    decision_makers: bool | None = None


@router.get(
    "/contacts",
    response={200: list[ContactOut], **LIST_ERRORS},
    summary="Stakeholders (participants only; partners get an empty list)",
)
@paginate(PageNumber)
def list_contacts(request: HttpRequest, filters: Query[ContactFilter]):
    qs = policy.visible(request.user, Contact).select_related("organisation", "head_office")
    if filters.q:
        qs = qs.filter(Q(name__icontains=filters.q) | Q(role__icontains=filters.q))
    if filters.decision_makers:
        qs = qs.filter(is_decision_maker=True)
    return qs.order_by("name", "pk")


@router.get("/contacts/{contact_id}", response={200: ContactOut, **ERRORS})
def get_contact(request: HttpRequest, contact_id: int) -> Any:
    return _get(request, Contact, contact_id, "organisation", "head_office")


@router.post("/contacts", response={201: ContactOut, **WRITE_ERRORS}, summary="Add a stakeholder")
def create_contact(request: HttpRequest, payload: ContactIn) -> Status[Any]:
    policy.require_create(request.user, Contact)
    data = payload.model_dump()
    data["organisation"] = referenced(
        request, Organisation, data.pop("organisation_id"), "organisation_id"
    )
    data["head_office"] = referenced(
        request, HeadOffice, data.pop("head_office_id"), "head_office_id"
    )
    contact = Contact(**data)
    contact.full_clean()
    contact.save()
    return Status(201, contact)


@router.get("/relationships", response={200: list[RelationshipOut], **LIST_ERRORS})
@paginate(PageNumber)
def list_relationships(request: HttpRequest, filters: Query[RelationshipFilter]):
    qs = policy.visible(request.user, Relationship).select_related("organisation", "person")
    if filters.contact is not None:
        qs = qs.filter(contact_id=filters.contact)
    return qs.order_by("contact_id", "pk")


@router.post(
    "/relationships",
    response={201: RelationshipOut, **WRITE_ERRORS},
    summary="Record that someone of your organisation knows a stakeholder",
)
def create_relationship(request: HttpRequest, payload: RelationshipIn) -> Status[Any]:
    policy.require_create(request.user, Relationship)  # before any id is looked up
    data = payload.model_dump(exclude={"contact_id", "organisation_id"})
    relationship = services.add_relationship(
        request.user,
        contact=referenced(request, Contact, payload.contact_id, "contact_id"),
        organisation=referenced(request, Organisation, payload.organisation_id, "organisation_id"),
        **data,
    )
    return Status(201, relationship)


# Engagements


@router.get("/engagements", response={200: list[EngagementOut], **LIST_ERRORS})
@paginate(PageNumber)
def list_engagements(request: HttpRequest, filters: Query[EngagementFilter]):
    qs = policy.visible(request.user, Engagement)
    if filters.kind:
        qs = qs.filter(kind=filters.kind)
    if filters.organisation is not None:
        qs = qs.filter(organisation_id=filters.organisation)
    if filters.from_date is not None:
        qs = qs.filter(starts_on__gte=filters.from_date)
    if filters.to_date is not None:
        qs = qs.filter(starts_on__lte=filters.to_date)
    return qs.order_by("starts_on", "pk")


@router.get("/engagements/{engagement_id}", response={200: EngagementOut, **ERRORS})
def get_engagement(request: HttpRequest, engagement_id: int) -> Any:
    return _get(request, Engagement, engagement_id)


@router.post(
    "/engagements",
    response={201: EngagementOut, **WRITE_ERRORS},
    summary="Plan an event or meeting (your municipality's, or any for the coordinator)",
)
def create_engagement(request: HttpRequest, payload: EngagementIn) -> Status[Any]:
    user = request.user
    policy.require_create(user, Engagement)
    if payload.kind not in EngagementKind.values:
        raise ValidationError({"kind": f"Not a kind of engagement: {payload.kind}."})
    data = payload.model_dump(exclude={"organisation_id", "message_ids"})
    engagement = services.create_engagement(
        user,
        organisation=referenced(request, Organisation, payload.organisation_id, "organisation_id"),
        messages=_refs(request, Message, payload.message_ids, "message_ids"),
        **data,
    )
    return Status(201, engagement)


@router.patch("/engagements/{engagement_id}", response={200: EngagementOut, **WRITE_ERRORS})
def patch_engagement(request: HttpRequest, engagement_id: int, payload: EngagementPatch) -> Any:
    engagement = _get(request, Engagement, engagement_id)
    changes = payload.model_dump(exclude={"version"}, exclude_none=True)
    return update_versioned(request.user, engagement, changes, payload.version)


@router.get(
    "/engagements/{engagement_id}/participants", response={200: list[ParticipantOut], **ERRORS}
)
def list_participants(request: HttpRequest, engagement_id: int) -> Any:
    engagement = _get(request, Engagement, engagement_id)
    return list(
        policy.visible(request.user, Participant)
        .filter(engagement=engagement)
        .select_related("organisation", "contact")
    )


@router.post(
    "/engagements/{engagement_id}/participants",
    response={201: ParticipantOut, **WRITE_ERRORS},
)
def add_participant(
    request: HttpRequest, engagement_id: int, payload: ParticipantIn
) -> Status[Any]:
    engagement = _get(request, Engagement, engagement_id)
    participant = services.add_participant(
        request.user,
        engagement,
        role=payload.role,
        organisation=referenced(request, Organisation, payload.organisation_id, "organisation_id"),
        contact=referenced(request, Contact, payload.contact_id, "contact_id"),
        name=payload.name,
    )
    return Status(201, participant)


@router.get(
    "/engagement-follow-ups",
    response={200: list[EngagementFollowUpOut], **LIST_ERRORS},
    summary="Follow-ups of engagements (participants only)",
)
@paginate(PageNumber)
def list_follow_ups(request: HttpRequest, filters: Query[StatusFilter]):
    qs = policy.visible(request.user, EngagementFollowUp)
    if filters.status:
        qs = qs.filter(status=filters.status)
    return qs.order_by("due_on", "pk")


@router.post(
    "/engagements/{engagement_id}/follow-ups", response={201: EngagementFollowUpOut, **WRITE_ERRORS}
)
def add_follow_up(
    request: HttpRequest, engagement_id: int, payload: EngagementFollowUpIn
) -> Status[Any]:
    engagement = _get(request, Engagement, engagement_id)
    follow_up = services.add_follow_up(
        request.user,
        engagement,
        owner_organisation=referenced(
            request, Organisation, payload.owner_organisation_id, "owner_organisation_id"
        ),
        due_on=payload.due_on,
        description=payload.description,
    )
    return Status(201, follow_up)


@router.post(
    "/engagement-follow-ups/{follow_up_id}/complete",
    response={200: EngagementFollowUpOut, **WRITE_ERRORS},
)
def complete_follow_up(
    request: HttpRequest, follow_up_id: int, payload: EngagementCompleteIn
) -> Any:
    follow_up = _get(request, EngagementFollowUp, follow_up_id, "engagement")
    return services.complete_follow_up(request.user, follow_up, payload.outcome)


# Tours, visits and briefing packs


@router.get("/tours", response={200: list[TourOut], **LIST_ERRORS})
@paginate(PageNumber)
def list_tours(request: HttpRequest):
    return policy.visible(request.user, Tour).order_by("-starts_on", "pk")


@router.post(
    "/tours/{tour_id}/visits",
    response={201: EngagementOut, **WRITE_ERRORS},
    summary="Plan a head-office visit of the tour: which mayors go where",
)
def plan_visit(request: HttpRequest, tour_id: int, payload: VisitIn) -> Status[Any]:
    user = request.user
    tour = _get(request, Tour, tour_id)
    policy.require_create(user, Engagement)
    organisation = acting_organisation(user)
    if organisation is None:
        raise ValidationError("You plan for no municipality or office.")
    visit = planner.plan_visit(
        user,
        head_office=referenced(request, HeadOffice, payload.head_office_id, "head_office_id"),
        starts_on=payload.starts_on,
        municipalities=_refs(request, Organisation, payload.municipality_ids, "municipality_ids"),
        organisation=organisation,
        tour=tour,
        messages=_refs(request, Message, payload.message_ids, "message_ids"),
    )
    return Status(201, visit)


@router.get("/visits/{visit_id}/briefing-pack", response={200: BriefingPackOut, **ERRORS})
def briefing_pack(request: HttpRequest, visit_id: int) -> dict[str, Any]:
    visit = get_object_or_404(
        policy.visible(request.user, Engagement)
        .filter(head_office__isnull=False)
        .select_related("head_office"),
        pk=visit_id,
    )
    pack = planner.briefing_pack(request.user, visit)
    return {
        "visit_id": visit.pk,
        "head_office": pack.head_office,
        "delegation": [p.label for p in pack.delegation],
        "plants": [
            {
                "facility_id": p.facility.pk,
                "name": p.facility.name,
                "municipality": p.place,
                "employees": p.facility.employees,
            }
            for p in pack.plants
        ],
        "plant_jobs": pack.plant_jobs,
        "figures": [figure_out(f) for f in pack.figures],
        "message_ids": [m.pk for m, _ in pack.messages],
        "asks": [_ask_line(line) for line in pack.asks],
        "municipalities": pack.municipalities,
        "contacts": [f"{k.contact.name}, {k.contact.role}" for k in pack.contacts],
    }


# The messaging library and the evidence


@router.get("/messages", response={200: list[MessageOut], **LIST_ERRORS})
@paginate(PageNumber)
def list_messages(request: HttpRequest, filters: Query[ThemeFilter]):
    qs = policy.visible(request.user, Message)
    if filters.theme:
        qs = qs.filter(theme=filters.theme)
    return qs.order_by("theme", "position", "pk")


@router.get("/messages/{message_id}", response={200: MessageOut, **ERRORS})
def get_message(request: HttpRequest, message_id: int) -> Any:
    return _get(request, Message, message_id)


@router.get(
    "/evidence",
    response={200: list[FigureOut], 401: ErrorOut},
    summary="Every live evidence figure (small company counts suppressed for partners)",
)
def list_evidence(request: HttpRequest) -> list[dict[str, Any]]:
    return [figure_out(f) for f in evidence.figures(request.user)]


# The policy agenda


def _ask_line(line: agenda.AgendaLine) -> dict[str, Any]:
    return {
        "ask_id": line.ask.pk,
        "title": line.ask.title,
        "theme": line.ask.theme,
        "status": line.ask.status,
        "support": line.support,
        "endorsers": [e.organisation.label for e in line.endorsers],
    }


@router.get("/policy-asks", response={200: list[AskOut], **LIST_ERRORS})
@paginate(PageNumber)
def list_asks(request: HttpRequest, filters: Query[ThemeFilter]):
    qs = policy.visible(request.user, PolicyAsk)
    if filters.theme:
        qs = qs.filter(theme=filters.theme)
    return agenda.with_support(qs).order_by("theme", "title", "pk")


@router.get("/policy-asks/{ask_id}", response={200: AskOut, **ERRORS})
def get_ask(request: HttpRequest, ask_id: int) -> Any:
    return get_object_or_404(
        agenda.with_support(policy.visible(request.user, PolicyAsk)), pk=ask_id
    )


@router.get(
    "/common-agenda",
    response={200: CommonAgendaOut, 401: ErrorOut},
    summary="The common agenda: the asks and how many municipalities stand behind each",
)
def get_common_agenda(request: HttpRequest) -> dict[str, Any]:
    common = agenda.common_agenda(request.user, with_figures=False)
    return {
        "municipalities": common.municipalities,
        "endorsing_municipalities": common.endorsing_municipalities,
        "asks": [_ask_line(line) for line in common.lines],
    }


@router.get("/endorsements", response={200: list[EndorsementOut], **LIST_ERRORS})
@paginate(PageNumber)
def list_endorsements(request: HttpRequest, filters: Query[AskFilter]):
    qs = policy.visible(request.user, Endorsement).select_related("organisation")
    if filters.ask is not None:
        qs = qs.filter(ask_id=filters.ask)
    return qs.order_by("ask_id", "organisation__name", "pk")


@router.post(
    "/policy-asks/{ask_id}/endorsements",
    response={201: EndorsementOut, **WRITE_ERRORS},
    summary="Your municipality endorses the ask by council resolution",
)
def endorse(request: HttpRequest, ask_id: int, payload: EndorsementIn) -> Status[Any]:
    ask = _get(request, PolicyAsk, ask_id)
    endorsement = services.endorse(
        request.user,
        ask,
        organisation=referenced(request, Organisation, payload.organisation_id, "organisation_id"),
        council_resolution=payload.council_resolution,
        resolved_on=payload.resolved_on,
        notes=payload.notes,
    )
    return Status(201, endorsement)


@router.delete("/endorsements/{endorsement_id}", response={204: None, **ERRORS})
def withdraw_endorsement(request: HttpRequest, endorsement_id: int) -> Status[None]:
    services.withdraw_endorsement(request.user, _get(request, Endorsement, endorsement_id))
    return Status(204, None)


# The centre of excellence and fleet pilots


@router.get("/working-groups", response={200: list[WorkingGroupOut], **LIST_ERRORS})
@paginate(PageNumber)
def list_working_groups(request: HttpRequest):
    orgs = Prefetch("members", policy.visible(request.user, Organisation))
    return policy.visible(request.user, WorkingGroup).prefetch_related(orgs).order_by("name")


@router.get("/partnerships", response={200: list[PartnershipOut], **LIST_ERRORS})
@paginate(PageNumber)
def list_partnerships(request: HttpRequest):
    orgs = Prefetch("partners", policy.visible(request.user, Organisation))
    return policy.visible(request.user, Partnership).prefetch_related(orgs).order_by("name")


@router.get("/fleet-pilots", response={200: list[PilotOut], **LIST_ERRORS})
@paginate(PageNumber)
def list_pilots(request: HttpRequest):
    return policy.visible(request.user, FleetPilot).select_related("vendor").order_by("pk")


@router.post(
    "/fleet-pilots",
    response={201: PilotOut, **WRITE_ERRORS},
    summary="Offer your municipality's fleet for a pilot of new vehicle technology",
)
def create_pilot(request: HttpRequest, payload: PilotIn) -> Status[Any]:
    policy.require_create(request.user, FleetPilot)  # before any id is looked up
    data = payload.model_dump(exclude={"organisation_id", "vendor_id"})
    pilot = services.record_pilot(
        request.user,
        organisation=referenced(request, Organisation, payload.organisation_id, "organisation_id"),
        vendor=referenced(request, Facility, payload.vendor_id, "vendor_id"),
        **data,
    )
    return Status(201, pilot)


# The coordinator's writes live in their own module, on this router.
from corridor.outreach import api_library  # noqa: E402, F401
