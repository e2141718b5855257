"""The head-office visit planner: which mayors go to which automaker's head office, and
the briefing pack each delegation takes.

A visit is an ``Engagement`` of kind *head-office visit* with the head office, the
mayors (one participant per municipality, role *mayor*) and the messages to deliver.
A municipality's mayor can be on one visit a day. The briefing pack gathers, at the
moment it is printed: the automaker's Ontario plants from the registry and their
jobs, the messages with live evidence, the agenda's asks with their support, the
people at the automaker someone in the network knows (participants only), and what is
still open from earlier visits to the same automaker.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Any

from django.core.exceptions import ValidationError
from django.db import transaction

from corridor.calls.models import FollowUpStatus
from corridor.core import policy
from corridor.core.models import Organisation, OrganisationKind
from corridor.outreach import agenda, evidence, services
from corridor.outreach.models import (
    Contact,
    Engagement,
    EngagementFollowUp,
    EngagementKind,
    EngagementStatus,
    HeadOffice,
    Message,
    Participant,
    ParticipantRole,
    Relationship,
    Tour,
)
from corridor.registry.models import Facility, Tier

PACK_FIGURES = ("registry.jobs", "registry.oem_plants", "calls.open_red_flags", "supplychain.gaps")


def plan_visit(
    user: Any,
    *,
    head_office: HeadOffice,
    starts_on: dt.date,
    municipalities: Sequence[Organisation],
    organisation: Organisation,
    tour: Tour | None = None,
    messages: Sequence[Message] = (),
    title: str = "",
) -> Engagement:
    """Plan a visit to ``head_office`` by the mayors of ``municipalities``."""
    if not municipalities:
        raise ValidationError({"municipalities": "Choose at least one municipality's mayor."})
    for m in municipalities:
        if m.kind != OrganisationKind.MUNICIPALITY:
            raise ValidationError({"municipalities": f"{m} is not a municipality."})
    if tour is not None and not (tour.starts_on <= starts_on <= tour.ends_on):
        raise ValidationError(
            {"starts_on": f"The tour runs from {tour.starts_on} to {tour.ends_on}."}
        )
    busy = booked_mayors(user, starts_on, [m.pk for m in municipalities])
    if busy:
        names = ", ".join(sorted(busy.values()))
        raise ValidationError({"municipalities": f"Already on a visit that day: {names}."})
    with transaction.atomic():
        visit = services.create_engagement(
            user,
            organisation=organisation,
            kind=EngagementKind.HEAD_OFFICE_VISIT,
            title=title or f"Mayors' visit to {head_office.name}",
            starts_on=starts_on,
            location=head_office.address,
            head_office=head_office,
            tour=tour,
            messages=list(messages),
        )
        for m in municipalities:
            services.add_participant(user, visit, role=ParticipantRole.MAYOR, organisation=m)
    return visit


def booked_mayors(user: Any, day: dt.date, organisation_ids: Sequence[int]) -> dict[int, str]:
    """The municipalities (id: name) whose mayor is already on a planned visit on ``day``."""
    rows = (
        policy.visible(user, Participant)
        .filter(
            role=ParticipantRole.MAYOR,
            organisation_id__in=list(organisation_ids),
            engagement__kind=EngagementKind.HEAD_OFFICE_VISIT,
            engagement__starts_on=day,
            engagement__deleted_at__isnull=True,
        )
        .exclude(engagement__status=EngagementStatus.CANCELLED)
        .values_list("organisation_id", "organisation__name")
    )
    return dict(rows)


@dataclass(slots=True)
class TourCoverage:
    """Which automakers a tour reaches: every automaker's head offices, visited or not."""

    visits: list[tuple[Engagement, list[str]]]  # each visit with its mayors' municipalities
    unvisited: list[HeadOffice]
    automakers_visited: list[str]


def tour_coverage(user: Any, tour: Tour) -> TourCoverage:
    visits = list(
        policy.visible(user, Engagement)
        .filter(tour=tour)
        .exclude(status=EngagementStatus.CANCELLED)
        .select_related("head_office")
        .order_by("starts_on", "pk")
    )
    mayors: dict[int, list[str]] = {}
    for engagement_id, short, name in (
        policy.visible(user, Participant)
        .filter(engagement__in=[v.pk for v in visits], role=ParticipantRole.MAYOR)
        .values_list("engagement_id", "organisation__short_name", "organisation__name")
        .order_by("organisation__name")
    ):
        mayors.setdefault(engagement_id, []).append(short or name)
    seen = {v.head_office_id for v in visits}
    offices = policy.visible(user, HeadOffice).order_by("automaker", "scope", "name")
    return TourCoverage(
        [(v, mayors.get(v.pk, [])) for v in visits],
        [o for o in offices if o.pk not in seen],
        sorted({v.head_office.automaker for v in visits if v.head_office}),
    )


@dataclass(slots=True)
class PlantLine:
    facility: Facility
    place: str


@dataclass(slots=True)
class KnownContact:
    contact: Contact
    known_by: list[Relationship]


@dataclass(slots=True)
class BriefingPack:
    visit: Engagement
    head_office: HeadOffice
    delegation: list[Participant]
    plants: list[PlantLine]
    plant_jobs: int | None
    figures: list[evidence.Figure]
    messages: list[tuple[Message, list[evidence.Figure]]]
    asks: list[agenda.AgendaLine]
    municipalities: int
    contacts: list[KnownContact] = field(default_factory=list)
    open_follow_ups: list[EngagementFollowUp] = field(default_factory=list)


def briefing_pack(user: Any, visit: Engagement) -> BriefingPack:
    office = visit.head_office
    if office is None:
        raise ValidationError("Only a head-office visit has a briefing pack.")
    plants = list(
        policy.visible(user, Facility)
        .filter(company__name=office.registry_company, tier=Tier.OEM)
        .select_related("municipality")
        .order_by("name")
    )
    known = [p.employees for p in plants if p.employees is not None]
    library = policy.visible(user, Message).order_by("theme", "position", "pk")
    messages = list(library.filter(engagements=visit)) or list(library[:3])
    common = agenda.common_agenda(user, with_figures=False)
    snapshot = evidence.Snapshot(user)
    pack = BriefingPack(
        visit=visit,
        head_office=office,
        delegation=list(
            policy.visible(user, Participant)
            .filter(engagement=visit)
            .select_related("organisation", "contact")
        ),
        plants=[PlantLine(p, p.municipality.name if p.municipality else p.city) for p in plants],
        plant_jobs=sum(known) if known else None,
        figures=snapshot.figures(PACK_FIGURES),
        messages=[(m, snapshot.figures(m.evidence)) for m in messages],
        asks=common.lines[:5],
        municipalities=common.municipalities,
    )
    if policy.can_view(user, Contact):
        contacts = policy.visible(user, Contact).filter(head_office__automaker=office.automaker)
        relationships: dict[int, list[Relationship]] = {}
        for r in (
            policy.visible(user, Relationship)
            .filter(contact__in=contacts)
            .select_related("organisation", "person")
        ):
            relationships.setdefault(r.contact_id, []).append(r)
        pack.contacts = [
            KnownContact(c, sorted(relationships.get(c.pk, []), key=lambda r: -r.rank))
            for c in contacts.select_related("head_office").order_by("-is_decision_maker", "name")
        ]
    if policy.can_view(user, EngagementFollowUp):
        pack.open_follow_ups = list(
            policy.visible(user, EngagementFollowUp)
            .filter(
                engagement__head_office__automaker=office.automaker,
                status=FollowUpStatus.OPEN,
            )
            .select_related("engagement", "owner_organisation")
        )
    return pack
