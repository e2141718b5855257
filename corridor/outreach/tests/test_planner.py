"""The head-office visit planner: who goes where, double bookings, tour coverage and what a
briefing pack holds for whom."""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest
from django.core.exceptions import ValidationError

from conftest import client_for
from corridor.core.scoping import system_scope
from corridor.outreach import planner
from corridor.outreach.models import EngagementKind, HeadOffice, Participant


def test_a_planned_visit_sends_each_chosen_municipalitys_mayor(ow: Any) -> None:
    visit = planner.plan_visit(
        ow.bob, head_office=ow.gm_na, starts_on=dt.date(2026, 10, 20),
        municipalities=[ow.org_a, ow.org_b], organisation=ow.org_b, tour=ow.tour,
    )  # fmt: skip
    assert visit.kind == EngagementKind.HEAD_OFFICE_VISIT
    assert visit.location == "300 Renaissance Center, Detroit, MI 48265, United States"
    with system_scope("tests"):
        mayors = sorted(
            Participant.objects.filter(engagement=visit).values_list("role", "organisation_id")
        )
    assert mayors == sorted([("mayor", ow.org_a.pk), ("mayor", ow.org_b.pk)])


def test_a_mayor_is_not_booked_on_two_visits_the_same_day(ow: Any) -> None:
    with pytest.raises(ValidationError, match="Windsor Economic Development"):
        planner.plan_visit(
            ow.carol, head_office=ow.gm_na, starts_on=ow.visit.starts_on,
            municipalities=[ow.org_a, ow.org_b], organisation=ow.office, tour=ow.tour,
        )  # fmt: skip


def test_a_visit_outside_its_tours_dates_or_without_mayors_is_refused(ow: Any) -> None:
    with pytest.raises(ValidationError, match="tour runs"):
        planner.plan_visit(
            ow.carol, head_office=ow.gm_na, starts_on=dt.date(2027, 1, 5),
            municipalities=[ow.org_b], organisation=ow.office, tour=ow.tour,
        )  # fmt: skip
    with pytest.raises(ValidationError, match="at least one"):
        planner.plan_visit(
            ow.carol, head_office=ow.gm_na, starts_on=dt.date(2026, 10, 9),
            municipalities=[], organisation=ow.office, tour=ow.tour,
        )  # fmt: skip
    with pytest.raises(ValidationError, match="not a municipality"):
        planner.plan_visit(
            ow.carol, head_office=ow.gm_na, starts_on=dt.date(2026, 10, 9),
            municipalities=[ow.apma], organisation=ow.office, tour=ow.tour,
        )  # fmt: skip


def test_the_tour_lists_the_head_offices_it_has_not_reached(ow: Any) -> None:
    coverage = planner.tour_coverage(ow.erin, ow.tour)
    assert [(v.head_office, mayors) for v, mayors in coverage.visits] == [
        (ow.ford_canada, ["Windsor Economic Development"])
    ]
    with system_scope("tests"):
        others = set(HeadOffice.objects.exclude(pk=ow.ford_canada.pk))
    assert set(coverage.unvisited) == others and len(others) == 9
    assert coverage.automakers_visited == ["Ford"]


def test_the_pack_gathers_the_automakers_plants_and_the_people_we_know_there(ow: Any) -> None:
    pack = planner.briefing_pack(ow.alice, ow.visit)
    assert [line.facility for line in pack.plants] == [ow.ford_plant]
    assert pack.plant_jobs == 3000
    assert [p.organisation for p in pack.delegation] == [ow.org_a]
    (known,) = pack.contacts
    assert known.contact == ow.contact
    assert known.known_by == [ow.rel_a, ow.rel_b]  # strongest first
    assert [m for m, _ in pack.messages] == [ow.message]
    assert [line.ask for line in pack.asks] == [ow.ask]


def test_a_partners_pack_leaves_out_the_directory_and_the_follow_ups(ow: Any) -> None:
    pack = planner.briefing_pack(ow.dave, ow.visit)
    assert pack.contacts == [] and pack.open_follow_ups == []
    assert pack.plant_jobs == 3000  # the plant itself is registry knowledge


def test_planning_on_the_tour_page_leads_to_the_briefing_pack(ow: Any) -> None:
    response = client_for(ow.alice).post(
        f"/outreach/visits/tours/{ow.tour.pk}/plan/",
        {"head_office": ow.gm_na.pk, "starts_on": "2026-10-22", "municipalities": [ow.org_a.pk],
         "messages": [ow.message.pk]},
    )  # fmt: skip
    assert response.status_code == 302 and "/briefing/" in response["Location"]
    pack = client_for(ow.alice).get(response["Location"]).content.decode()
    assert "Briefing pack: General Motors Company" in pack and "Auto jobs are Ontario jobs" in pack


def test_a_double_booking_on_the_tour_page_says_who_is_busy(ow: Any) -> None:
    response = client_for(ow.alice).post(
        f"/outreach/visits/tours/{ow.tour.pk}/plan/",
        {"head_office": ow.gm_na.pk, "starts_on": ow.visit.starts_on.isoformat(),
         "municipalities": [ow.org_a.pk]},
    )  # fmt: skip
    assert response.status_code == 200
    assert "Already on a visit that day: Windsor Economic Development" in response.content.decode()
