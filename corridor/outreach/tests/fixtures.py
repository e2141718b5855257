"""A small outreach world on top of the shared test corridor (conftest.build_world), used by
the app's tests and the access matrix (tests/matrix_outreach.py).

* ``w.ford_plant``: an assembly plant of "Ford Motor Company of Canada" in Oshawa with
  3,000 employees (so Ford's head offices have a plant in their briefing pack);
* ``w.ford_canada``, ``w.gm_na``: head offices shipped by migration;
* ``w.contact``: a fictional Ford decision maker, known to Windsor (``w.rel_a``, strong)
  and to Oshawa (``w.rel_b``);
* ``w.message``: a message with evidence (jobs, open red flags);
* ``w.ask`` (open, endorsed by Windsor: ``w.endorsement_a``), ``w.ask_draft``;
* ``w.tour`` with ``w.visit`` (the coordinator office's visit to Ford of Canada with
  Windsor's mayor); ``w.event_a`` (Windsor's shared event, with ``w.event_follow_up``),
  ``w.meeting_b`` (Oshawa's ministry meeting, not shared);
* ``w.group``, ``w.partnership``; ``w.pilot_a`` (Windsor, shared), ``w.pilot_b``
  (Oshawa, not shared).
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from corridor.core.history import change_context
from corridor.core.scoping import system_scope
from corridor.outreach import planner, services
from corridor.outreach.head_offices import load_head_offices
from corridor.outreach.models import (
    AskStatus,
    Contact,
    EngagementKind,
    HeadOffice,
    Message,
    Partnership,
    PolicyAsk,
    Relationship,
    Tour,
    WorkingGroup,
)
from corridor.registry.models import Company, Facility

DAY = dt.date(2026, 10, 6)


def build_outreach(w: Any) -> Any:
    load_head_offices()
    with system_scope("outreach fixtures"), change_context(user=w.carol, source="tests"):
        ford = Company.objects.create(name="Ford Motor Company of Canada")
        w.ford_plant = Facility.objects.create(
            company=ford, name="Test Assembly", city="Oshawa", municipality=w.oshawa,
            latitude=43.9, longitude=-78.85, tier="oem", employees=3000,
        )  # fmt: skip
        w.ford_canada = HeadOffice.objects.get(key="ford-canada")
        w.gm_na = HeadOffice.objects.get(key="gm-na")
        w.contact = Contact.objects.create(
            name="Pat Example", role="Vice-president, manufacturing (fictional)",
            head_office=w.ford_canada, is_decision_maker=True, is_fictional=True,
            email="pat@example.org",
        )  # fmt: skip
        w.rel_a = Relationship.objects.create(
            contact=w.contact, organisation=w.org_a, person=w.alice, strength="strong",
            last_contact_on=DAY,
        )  # fmt: skip
        w.rel_b = Relationship.objects.create(
            contact=w.contact, organisation=w.org_b, person_name="Oshawa's mayor",
            strength="acquaintance",
        )  # fmt: skip
        w.message = Message.objects.create(
            theme="sector_importance", title="Auto jobs are Ontario jobs",
            summary="The corridor's plants employ thousands.",
            talking_points="Every assembly job supports suppliers\nPlants at risk need action",
            evidence=["registry.jobs", "calls.open_red_flags"],
        )  # fmt: skip
        w.ask = PolicyAsk.objects.create(
            theme="infrastructure", title="Finish the border crossing",
            ask="Fund the road links of the new crossing.", owner=w.office,
            status=AskStatus.OPEN, evidence=["registry.jobs"],
        )  # fmt: skip
        w.ask_draft = PolicyAsk.objects.create(
            theme="research", title="A research fund", ask="Fund applied research.",
            owner=w.office, status=AskStatus.DRAFT,
        )  # fmt: skip
        w.tour = Tour.objects.create(
            name="Autumn head-office tour", starts_on=DAY, ends_on=DAY + dt.timedelta(days=30),
            organisation=w.office,
        )  # fmt: skip
        w.group = WorkingGroup.objects.create(
            name="Border and trade", mandate="Trade and the border", lead=w.org_a,
            mayors_lead=True, issues="Bridge capacity\nTariffs",
        )  # fmt: skip
        w.group.members.set([w.org_a, w.apma])
        w.partnership = Partnership.objects.create(
            name="Smart Manufacturing Test Centre", kind="smart_manufacturing",
            focus="Automation for SMEs", other_partners="A college", status="active",
        )  # fmt: skip
        w.partnership.partners.set([w.apma])
    with change_context(user=w.carol, source="tests"):
        w.endorsement_a = services.endorse(
            w.alice, w.ask, organisation=w.org_a, council_resolution="CR 1/2026",
            resolved_on=DAY,
        )  # fmt: skip
        w.visit = planner.plan_visit(
            w.carol, head_office=w.ford_canada, starts_on=DAY + dt.timedelta(days=7),
            municipalities=[w.org_a], organisation=w.office, tour=w.tour, messages=[w.message],
        )  # fmt: skip
        w.event_a = services.create_engagement(
            w.alice, organisation=w.org_a, kind=EngagementKind.EVENT, title="Windsor auto day",
            starts_on=DAY, shared=True,
        )  # fmt: skip
        w.event_follow_up = services.add_follow_up(
            w.alice, w.event_a, owner_organisation=w.org_a, due_on=DAY + dt.timedelta(days=14),
            description="Send the MPP the plant list",
        )  # fmt: skip
        w.meeting_b = services.create_engagement(
            w.bob, organisation=w.org_b, kind=EngagementKind.MINISTRY_MEETING,
            title="Oshawa at the ministry", starts_on=DAY, shared=False,
        )  # fmt: skip
        w.pilot_a = services.record_pilot(
            w.alice, organisation=w.org_a, title="Electric by-law cars",
            technology="battery_electric", vehicles=4, shared=True,
        )  # fmt: skip
        w.pilot_b = services.record_pilot(
            w.bob, organisation=w.org_b, title="Hydrogen buses", technology="hydrogen",
            vehicles=2, shared=False,
        )  # fmt: skip
    return w
