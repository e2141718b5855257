"""API shapes of outreach: the directory, engagements, the planner, the library, the agenda,
the centre of excellence and fleet pilots."""

import datetime as dt
from typing import Any

from ninja import Field, Schema

from corridor.core.filtersets import MAX_ID, ObjectId
from corridor.core.schemas import CleanText

ID = Field(..., ge=1, le=MAX_ID)


class HeadOfficeOut(Schema):
    id: int
    key: str
    automaker: str
    name: str
    scope: str = Field(..., description="canada or north_america")
    street: str
    city: str
    region: str
    postal_code: str
    country: str
    latitude: float
    longitude: float
    source: str


class ContactOut(Schema):
    id: int
    name: str
    role: str
    organisation_id: int | None
    organisation: str = Field(..., alias="organisation_label")
    head_office_id: int | None
    is_decision_maker: bool
    email: str
    phone: str
    is_fictional: bool
    version: int


class ContactIn(CleanText):
    name: str = Field(..., min_length=1, max_length=200)
    role: str = Field(..., min_length=1, max_length=200)
    organisation_id: int | None = Field(None, ge=1, le=MAX_ID)
    organisation_name: str = Field("", max_length=200)
    head_office_id: int | None = Field(None, ge=1, le=MAX_ID)
    is_decision_maker: bool = False
    email: str = Field("", max_length=254)
    phone: str = Field("", max_length=40)


class RelationshipOut(Schema):
    id: int
    contact_id: int
    organisation_id: int
    person_id: int | None
    knower: str
    strength: str = Field(..., description="acquaintance, working or strong")
    last_contact_on: dt.date | None
    version: int


class RelationshipIn(CleanText):
    contact_id: int = ID
    organisation_id: int = ID
    person_name: str = Field("", max_length=200)
    strength: str = Field("working", max_length=12)
    last_contact_on: dt.date | None = None
    notes: str = Field("", max_length=5000)


class ParticipantOut(Schema):
    id: int
    role: str
    organisation_id: int | None
    contact_id: int | None
    label: str


class ParticipantIn(CleanText):
    role: str = Field(..., max_length=12, description="mayor, officer, mpp, official, press, ...")
    organisation_id: int | None = Field(None, ge=1, le=MAX_ID)
    contact_id: int | None = Field(None, ge=1, le=MAX_ID)
    name: str = Field("", max_length=200)


class EngagementOut(Schema):
    id: int
    kind: str
    title: str
    starts_on: dt.date
    ends_on: dt.date | None
    location: str
    organisation_id: int
    status: str
    head_office_id: int | None
    tour_id: int | None
    agenda: list[str] = Field(..., alias="agenda_items")
    press_coverage: list[str] = Field(..., alias="press_items")
    outcomes: str
    shared: bool
    version: int


class EngagementIn(CleanText):
    kind: str = Field(..., max_length=20)
    title: str = Field(..., min_length=1, max_length=200)
    starts_on: dt.date
    ends_on: dt.date | None = None
    location: str = Field("", max_length=200)
    organisation_id: int = ID
    agenda: str = Field("", max_length=10000)
    shared: bool = True
    message_ids: list[ObjectId] = Field(default_factory=list, max_length=100)


class EngagementPatch(CleanText):
    version: int = Field(..., ge=1)
    title: str | None = Field(None, min_length=1, max_length=200)
    starts_on: dt.date | None = None
    status: str | None = Field(None, max_length=10)
    outcomes: str | None = Field(None, max_length=10000)
    press_coverage: str | None = Field(None, max_length=10000)
    shared: bool | None = None


class EngagementFollowUpOut(Schema):
    id: int
    engagement_id: int
    owner_organisation_id: int
    due_on: dt.date
    description: str
    status: str = Field(..., description="open, done or cancelled (as the calls' follow-ups)")
    outcome: str


class EngagementFollowUpIn(CleanText):
    owner_organisation_id: int = ID
    due_on: dt.date
    description: str = Field(..., min_length=1, max_length=5000)


class EngagementCompleteIn(CleanText):
    outcome: str = Field("", max_length=5000)


class TourOut(Schema):
    id: int
    name: str
    purpose: str
    starts_on: dt.date
    ends_on: dt.date
    organisation_id: int


class VisitIn(CleanText):
    head_office_id: int = ID
    starts_on: dt.date
    municipality_ids: list[ObjectId] = Field(..., min_length=1, max_length=50)
    message_ids: list[ObjectId] = Field(default_factory=list, max_length=100)


class FigureOut(Schema):
    key: str
    label: str
    source: str
    value: int | None = Field(..., description="null: fewer than 5 companies (partners)")
    display: str


class PlantOut(Schema):
    facility_id: int
    name: str
    municipality: str
    employees: int | None


class AskLineOut(Schema):
    ask_id: int
    title: str
    theme: str
    status: str
    support: int = Field(..., description="Municipalities with a live endorsement")
    endorsers: list[str]


class BriefingPackOut(Schema):
    visit_id: int
    head_office: HeadOfficeOut
    delegation: list[str]
    plants: list[PlantOut]
    plant_jobs: int | None
    figures: list[FigureOut]
    message_ids: list[int]
    asks: list[AskLineOut]
    municipalities: int
    contacts: list[str] = Field(..., description="Known people there (participants only)")


class MessageOut(Schema):
    id: int
    theme: str
    title: str
    summary: str
    talking_points: list[str] = Field(..., alias="points")
    evidence: list[str]
    figures: list[FigureOut] = Field(default_factory=list)

    @staticmethod
    def resolve_figures(obj: Any, context: Any) -> list[dict[str, Any]]:
        from corridor.outreach import evidence

        request = (context or {}).get("request")
        # One snapshot per request: each figure is read once however many messages name it.
        snapshot = getattr(request, "corridor_evidence", None)
        if snapshot is None:
            snapshot = evidence.Snapshot(getattr(request, "user", None))
            if request is not None:
                request.corridor_evidence = snapshot
        return [figure_out(f) for f in snapshot.figures(obj.evidence)]


class AskOut(Schema):
    id: int
    theme: str
    title: str
    ask: str
    rationale: str
    addressed_to: str
    evidence: list[str]
    owner_id: int
    status: str
    support: int = 0
    version: int


class CommonAgendaOut(Schema):
    municipalities: int
    endorsing_municipalities: int
    asks: list[AskLineOut]


class EndorsementOut(Schema):
    id: int
    ask_id: int
    organisation_id: int
    organisation: str = Field(..., alias="organisation.label")
    council_resolution: str
    resolved_on: dt.date


class EndorsementIn(CleanText):
    organisation_id: int = ID
    council_resolution: str = Field(..., min_length=1, max_length=200)
    resolved_on: dt.date
    notes: str = Field("", max_length=5000)


class WorkingGroupOut(Schema):
    id: int
    name: str
    mandate: str
    issues: list[str] = Field(..., alias="issue_list")
    lead_id: int
    mayors_lead: bool
    member_ids: list[int] = Field(default_factory=list)
    meets: str

    @staticmethod
    def resolve_member_ids(obj: Any) -> list[int]:
        if "members" in getattr(obj, "_prefetched_objects_cache", {}):  # the API lists
            return sorted(o.pk for o in obj.members.all())
        through = type(obj).members.through
        return sorted(through.objects.filter(workinggroup_id=obj.pk).values_list(
            "organisation_id", flat=True))  # fmt: skip


class PartnershipOut(Schema):
    id: int
    name: str
    kind: str
    focus: str
    partner_ids: list[int] = Field(default_factory=list)
    other_partners: list[str] = Field(..., alias="other_partner_list")
    funding: str
    funding_amount: int | None
    status: str
    website: str

    @staticmethod
    def resolve_partner_ids(obj: Any) -> list[int]:
        if "partners" in getattr(obj, "_prefetched_objects_cache", {}):  # the API lists
            return sorted(o.pk for o in obj.partners.all())
        through = type(obj).partners.through
        return sorted(through.objects.filter(partnership_id=obj.pk).values_list(
            "organisation_id", flat=True))  # fmt: skip


class PilotOut(Schema):
    id: int
    organisation_id: int
    title: str
    technology: str
    vendor_id: int | None
    vendor: str = Field(..., alias="vendor_label")
    vehicles: int
    fleet: str
    starts_on: dt.date | None
    ends_on: dt.date | None
    status: str
    results: str
    shared: bool
    version: int


class PilotIn(CleanText):
    organisation_id: int = ID
    title: str = Field(..., min_length=1, max_length=200)
    technology: str = Field(..., max_length=20)
    vendor_id: int | None = Field(None, ge=1, le=MAX_ID)
    vendor_name: str = Field("", max_length=200)
    vehicles: int = Field(1, ge=1, le=100_000)
    fleet: str = Field("", max_length=200)
    starts_on: dt.date | None = None
    ends_on: dt.date | None = None
    status: str = Field("offered", max_length=10)
    results: str = Field("", max_length=10000)
    shared: bool = True


def figure_out(f: Any) -> dict[str, Any]:
    return {"key": f.key, "label": f.label, "source": f.source, "value": f.value,
            "display": f.display}  # fmt: skip


# What the coordinator keeps: the library, the agenda, the centre and tours


class MessageIn(CleanText):
    theme: str = Field(..., max_length=24)
    title: str = Field(..., min_length=1, max_length=200)
    summary: str = Field(..., min_length=1, max_length=5000)
    talking_points: str = Field(..., min_length=1, max_length=10000, description="One a line")
    evidence: list[str] = Field(default_factory=list, max_length=50, description="Evidence keys")


class AskIn(CleanText):
    theme: str = Field(..., max_length=20)
    title: str = Field(..., min_length=1, max_length=200)
    ask: str = Field(..., min_length=1, max_length=10000)
    rationale: str = Field("", max_length=10000)
    addressed_to: str = Field("", max_length=200)
    evidence: list[str] = Field(default_factory=list, max_length=50)
    owner_id: int = ID
    status: str = Field("draft", max_length=10)


class AskPatch(CleanText):
    version: int = Field(..., ge=1)
    status: str | None = Field(None, max_length=10)
    ask: str | None = Field(None, min_length=1, max_length=10000)
    rationale: str | None = Field(None, max_length=10000)


class TourIn(CleanText):
    name: str = Field(..., min_length=1, max_length=200)
    purpose: str = Field("", max_length=5000)
    starts_on: dt.date
    ends_on: dt.date
    organisation_id: int = ID


class WorkingGroupIn(CleanText):
    name: str = Field(..., min_length=1, max_length=200)
    mandate: str = Field(..., min_length=1, max_length=5000)
    issues: str = Field("", max_length=5000, description="One issue a line")
    lead_id: int = ID
    mayors_lead: bool = False
    member_ids: list[ObjectId] = Field(default_factory=list, max_length=200)
    meets: str = Field("", max_length=120)


class PartnershipIn(CleanText):
    name: str = Field(..., min_length=1, max_length=200)
    kind: str = Field(..., max_length=20)
    focus: str = Field(..., min_length=1, max_length=5000)
    partner_ids: list[ObjectId] = Field(default_factory=list, max_length=200)
    other_partners: str = Field("", max_length=300)
    funding: str = Field("", max_length=300)
    funding_amount: int | None = Field(None, ge=0, le=10**13)
    status: str = Field("exploring", max_length=10)
    website: str = Field("", max_length=200)
