"""Rows of every capability for the query-count test (tests/test_query_counts.py).

``seed(world, start, stop)`` adds rows ``start..stop-1`` of each kind, so a second call
grows the same data; it returns the objects whose detail pages are measured.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from django.utils import timezone

from conftest import World
from corridor.attraction import risk
from corridor.attraction import services as attraction
from corridor.attraction.models import FacilityRisk, Stage
from corridor.calls.follow_ups import add_follow_up
from corridor.calls.tests.helpers import DAY, facility, planned
from corridor.core.history import change_context
from corridor.core.scoping import system_scope
from corridor.intel.tests.helpers import ANNOUNCEMENT, add_text
from corridor.outreach import services as outreach
from corridor.outreach.models import (
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
from corridor.programs.models import ProjectRecipient, Referral
from corridor.programs.tests import helpers as programs
from corridor.supplychain import needs
from corridor.supplychain.tests.helpers import capability, plant
from corridor.workforce.tests import helpers as workforce


def seed(world: World, start: int, stop: int) -> dict[str, Any]:
    last: dict[str, Any] = {}
    for n in range(start, stop):
        last = _row(world, n)
    return last


def _row(w: World, n: int) -> dict[str, Any]:
    site = facility(f"Plant {n}", w.windsor)
    call = planned(w.alice, site, w.org_a, DAY)
    with change_context(user=w.alice, source="tests"):
        add_follow_up(
            w.alice, facility=site, owner_organisation=w.org_a, call=call, category="information",
            due_on=DAY + dt.timedelta(days=n), description=f"Send plant {n} the program list",
            owner=w.alice,  # the person a list prints, read with the row
        )  # fmt: skip
    caster = plant(f"Caster {n}", w.windsor, 42.3, -83.0, capabilities=("die-casting",))
    with change_context(user=w.alice, source="tests"):
        need = needs.record_need(
            w.alice, buyer=site, capability=capability("die-casting"), organisation=w.org_a,
            description=f"Housings {n} bought in Ohio", annual_value=100_000 + n,
        )  # fmt: skip
        needs.introduce(w.alice, need, caster, DAY)
    course = workforce.program(f"Millwright {n}", 20, [w.windsor], ["72400"])
    month = dt.date(2025 + n // 12, n % 12 + 1, 1)
    workforce.postings(workforce.region("Windsor–Sarnia"), "72400", 10 + n, month)
    fund = programs.program(f"fund-{n}", delivered_by=w.apma)
    project = programs.project(fund, f"Robotic cell {n}", municipality=w.windsor)
    with system_scope("query-count rows"), change_context(user=w.carol, source="tests"):
        ProjectRecipient.objects.create(project=project, name=f"PLANT {n}", candidate=site)
        referral = Referral.objects.create(
            facility=site, program=fund, organisation=w.org_a, referred_to=w.apma, referred_on=DAY
        )
    document = add_text(w.carol, ANNOUNCEMENT.replace("Acme", f"Acme {n}"), name=f"r{n}.txt")
    return {"call": call, "need": need, "course": course, "fund": fund, "project": project,
            "referral": referral, "document": document, **_outreach(w, n, site),
            **_attraction(w, n, site)}  # fmt: skip


def _attraction(w: World, n: int, site: Any) -> dict[str, Any]:
    """A prospect moved a stage on, and the plant on the risk list (dismissed every third)."""
    with change_context(user=w.alice, source="tests"):
        prospect = attraction.create_prospect(
            w.alice, name=f"Prospect {n}", capability=capability("die-casting"), facility=site,
            company=site.company, estimated_jobs=10 + n, estimated_investment=1_000_000 * n,
            next_step=f"Call back {n}", next_step_due=DAY, owner=w.alice, shared=n % 2 == 0,
        )  # fmt: skip
        attraction.move_stage(w.alice, prospect, Stage.CONTACTED, note=f"Met {n}")
    now = timezone.now()
    with system_scope("query-count rows"):
        FacilityRisk.objects.create(
            facility=site, score=40 + n, jobs=100 + n, assessed_at=now, first_listed_at=now,
            reasons=[{"reason": "red_flag", "label": "Red flag on a call", "weight": 40,
                      "detail": f"Downsizing, open {n} days"}],
            signature="red_flag",
        )  # fmt: skip
    if n % 3 == 0:
        with change_context(user=w.alice, source="tests"):
            risk.dismiss(w.alice, site, f"Signed a lease {n}")
    return {"prospect": prospect}


def _outreach(w: World, n: int, site: Any) -> dict[str, Any]:
    with system_scope("query-count rows"), change_context(user=w.carol, source="tests"):
        office = HeadOffice.objects.order_by("pk")[n % 2]
        contact = Contact.objects.create(
            name=f"Contact {n}", role="Plant manager (fictional)", head_office=office,
            is_fictional=True,
        )  # fmt: skip
        Relationship.objects.create(contact=contact, organisation=w.org_a, person=w.alice)
        message = Message.objects.create(
            theme="sector_importance", title=f"Message {n}", summary="Plants employ thousands.",
            evidence=["registry.jobs"],
        )  # fmt: skip
        ask = PolicyAsk.objects.create(
            theme="infrastructure", title=f"Ask {n}", ask="Fund the road links.",
            owner=w.office, status="open", evidence=["registry.jobs"],
        )  # fmt: skip
        tour = Tour.objects.create(
            name=f"Tour {n}", starts_on=DAY, ends_on=DAY + dt.timedelta(days=30),
            organisation=w.office,
        )  # fmt: skip
        group = WorkingGroup.objects.create(name=f"Group {n}", mandate="Trade", lead=w.org_a)
        group.members.set([w.org_a, w.apma])
        partnership = Partnership.objects.create(
            name=f"Centre {n}", kind="smart_manufacturing", focus="Automation", status="active"
        )
        partnership.partners.set([w.apma])
    with change_context(user=w.carol, source="tests"):
        outreach.endorse(
            w.alice, ask, organisation=w.org_a, council_resolution=f"CR {n}", resolved_on=DAY
        )
        engagement = outreach.create_engagement(
            w.alice, organisation=w.org_a, kind=EngagementKind.EVENT, title=f"Auto day {n}",
            starts_on=DAY, shared=True,
        )  # fmt: skip
        outreach.add_follow_up(
            w.alice, engagement, owner_organisation=w.org_a, due_on=DAY, description="Send it"
        )
        outreach.record_pilot(
            w.alice, organisation=w.org_a, title=f"Pilot {n}", technology="battery_electric",
            vehicles=2, shared=True,
        )  # fmt: skip
    return {"contact": contact, "message": message, "ask": ask, "tour": tour,
            "engagement": engagement}  # fmt: skip
