"""Each dashboard figure against a small corridor whose answers are worked out by hand."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal
from typing import Any

import pytest
from django.utils import timezone

from corridor.calls.aggregates import Quarter
from corridor.calls.models import Call, CallStatus, Campaign, Flag, FollowUp
from corridor.calls.tests.helpers import facility
from corridor.core.disclosure import SUPPRESSED_LABEL
from corridor.core.scoping import system_scope
from corridor.registry.models import Facility
from corridor.reports.dashboards import BadQuarter, build, parse_quarter

Q4 = Quarter(2026, 4)
TODAY = dt.date(2026, 11, 15)


def _call(world: Any, plant: Facility, on: dt.date, status: str = CallStatus.COMPLETED) -> None:
    org = world.org_a if plant.municipality == world.windsor else world.org_b
    with system_scope("tests"):
        Call.objects.create(
            facility=plant,
            organisation=org,
            scheduled_on=on,
            status=status,
            template_id=_template_id(),
        )


def _template_id() -> int:
    from corridor.calls.models import CallTemplate

    with system_scope("tests"):
        template = CallTemplate.objects.order_by("pk").first()
        assert template is not None
        return template.pk


def _flag(world: Any, plant: Facility, category: str, severity: str, days_old: int) -> None:
    with system_scope("tests"):
        flag = Flag.objects.create(
            facility=plant,
            organisation=world.org_a if plant.municipality == world.windsor else world.org_b,
            severity=severity,
            category=category,
            respond_by=TODAY,
        )
        created = timezone.make_aware(dt.datetime.combine(TODAY, dt.time(12)))
        Flag.objects.filter(pk=flag.pk).update(created_at=created - dt.timedelta(days=days_old))


@pytest.fixture
def corridor(world: Any) -> dict[str, list[Facility]]:
    def near(place: Any, n: int) -> dict[str, Decimal]:
        step = Decimal("0.02") * n
        return {"latitude": place.latitude + step, "longitude": place.longitude - step}

    windsor = [facility(f"Windsor Plant {n}", world.windsor, employees=e, **near(world.windsor, n))
               for n, e in enumerate((100, 50, 20))]  # fmt: skip
    oshawa = [facility(f"Oshawa Plant {n}", world.oshawa, employees=300, **near(world.oshawa, n))
              for n in range(2)]  # fmt: skip
    _call(world, windsor[0], dt.date(2026, 10, 5))
    _call(world, windsor[1], dt.date(2026, 11, 2))
    _call(world, oshawa[0], dt.date(2026, 10, 20))
    _call(world, oshawa[1], dt.date(2026, 12, 10), CallStatus.PLANNED)
    _call(world, windsor[2], dt.date(2025, 6, 1))  # more than 12 months before the quarter's end
    _call(world, oshawa[1], dt.date(2026, 3, 1))  # within 12 months, before the quarter
    with system_scope("tests"):
        campaign = Campaign.objects.create(
            name="Focus", starts_on=dt.date(2026, 9, 1), ends_on=dt.date(2027, 2, 28)
        )
        campaign.targets.set([windsor[0], windsor[2], oshawa[0], oshawa[1]])
        Campaign.objects.create(  # ended before the quarter: its targets do not count
            name="Old", starts_on=dt.date(2025, 1, 1), ends_on=dt.date(2025, 6, 30)
        ).targets.set([windsor[1]])
        FollowUp.objects.create(
            facility=windsor[0], owner_organisation=world.org_a, due_on=dt.date(2026, 11, 1),
            category="other",
        )  # fmt: skip
        FollowUp.objects.create(
            facility=oshawa[0], owner_organisation=world.org_b, due_on=dt.date(2026, 12, 1),
            category="other",
        )  # fmt: skip
    _flag(world, windsor[0], "relocation_closure", "red", 3)
    _flag(world, windsor[1], "downsizing", "red", 40)
    _flag(world, oshawa[0], "expansion", "yellow", 10)
    _flag(world, oshawa[1], "relocation_closure", "red", 120)
    return {"windsor": windsor, "oshawa": oshawa}


def test_the_coordinators_figures(world: Any, corridor: Any) -> None:
    board = build(world.carol, Q4, today=TODAY)
    assert board.full
    assert (board.calls_completed, board.calls_planned) == (3, 1)
    assert (board.campaign_targets, board.campaign_targets_called) == (4, 2)
    # called in the 12 months to 2026-12-31: windsor 0, 1; oshawa 0, 1 (March) — not windsor 2
    assert (board.facilities, board.facilities_called, board.coverage_percent) == (5, 4, 80)
    assert board.red_flags_by_age == [
        ("0–7 days", 1), ("8–30 days", 0), ("31–90 days", 1), ("Over 90 days", 1),
    ]  # fmt: skip
    assert board.overdue_follow_ups == 1  # the one due 2026-11-01; 2026-12-01 is not yet due
    assert (board.at_risk.companies.value, board.at_risk.jobs) == (3, 100 + 50 + 300)
    assert (board.expanding.companies.value, board.expanding.jobs) == (1, 300)
    assert board.calls_by_municipality == [("Windsor", 2), ("Oshawa", 1)]


def test_a_municipality_sees_its_own(world: Any, corridor: Any) -> None:
    board = build(world.alice, Q4, world.windsor, today=TODAY)
    assert board.full
    assert (board.calls_completed, board.campaign_targets, board.campaign_targets_called) == (
        2,
        2,
        1,
    )
    assert (board.facilities, board.facilities_called) == (3, 2)
    assert (board.at_risk.companies.value, board.at_risk.jobs) == (2, 150)
    assert board.expanding.companies.value == 0
    assert board.overdue_follow_ups == 1


def test_small_counts_of_companies_are_suppressed(world: Any, corridor: Any) -> None:
    board = build(world.carol, Q4, today=TODAY, suppressed=True)
    assert board.at_risk.companies.suppressed and board.at_risk.jobs is None
    assert str(board.at_risk.companies) == SUPPRESSED_LABEL
    # another municipality's officer does not see Windsor's small counts either
    assert build(world.bob, Q4, world.windsor, today=TODAY).at_risk.companies.suppressed


def test_five_companies_at_risk_are_shown(world: Any, corridor: Any) -> None:
    more = [facility(f"Windsor Extra {n}", world.windsor, employees=10) for n in range(2)]
    for plant in more:
        _flag(world, plant, "downsizing", "yellow", 1)
    board = build(world.carol, Q4, today=TODAY, suppressed=True)
    assert (board.at_risk.companies.value, board.at_risk.jobs) == (5, 450 + 20)


def test_investment_and_programs(world: Any, corridor: Any) -> None:
    from corridor.intel.models import Document, Fact
    from corridor.programs.models import FundedProject, FundingProgram

    with system_scope("tests"):
        doc = Document.objects.create(title="News", text="...")
        for amount, day in ((Decimal("5000000"), dt.date(2026, 10, 9)),
                            (Decimal("2500000"), dt.date(2026, 12, 30)),
                            (Decimal("9"), dt.date(2026, 9, 30))):  # fmt: skip
            Fact.objects.create(document=doc, amount_cad=amount, date=day, sentence="s")
        program = FundingProgram.objects.order_by("pk").first() or FundingProgram.objects.create(
            name="Test program"
        )
        FundedProject.objects.create(
            program=program, title="Line", municipality=world.windsor, contribution=400_000,
            jobs_created_expected=12, approved_on=dt.date(2026, 11, 1),
        )  # fmt: skip
        FundedProject.objects.create(
            program=program, title="Earlier", municipality=world.windsor, contribution=9,
            approved_on=dt.date(2026, 1, 1),
        )  # fmt: skip
    board = build(world.carol, Q4, today=TODAY)
    assert (board.investment_facts, board.investment_announced) == (2, Decimal("7500000"))
    assert (board.investment_tracked_facts, board.investment_tracked) == (3, Decimal("7500009"))
    assert (board.funded_projects, board.program_contribution, board.jobs_expected) == (
        1,
        400_000,
        12,
    )


def test_supply_gaps_count_the_unmet_needs_and_the_companies_behind_them(
    world: Any, corridor: Any
) -> None:
    from corridor.supplychain.tests.helpers import plant, recorded_need

    windsor, oshawa = corridor["windsor"], corridor["oshawa"]
    plant("Durham Diecast", world.oshawa, 43.90, -78.87, ("mega-casting",))
    # mega-casting: unmet for the three Windsor plants (330 km away), met in Oshawa
    for buyer, value in zip(windsor, (3_000_000, 2_000_000, 1_000_000), strict=True):
        recorded_need(world, buyer, "mega-casting", value)
    recorded_need(world, oshawa[0], "mega-casting", 9_000_000)
    # battery enclosures: nobody makes them; two needs of one company
    recorded_need(world, windsor[0], "battery-enclosure", 500_000)
    recorded_need(world, windsor[0], "battery-enclosure", 100_000)
    recorded_need(world, oshawa[1], "die-casting", 100_000)
    plant("Oshawa Caster", world.oshawa, 43.89, -78.86, ("die-casting",))  # met: not a gap

    board = build(world.carol, Q4, today=TODAY)
    assert [(label, unmet, buyers.value) for label, unmet, buyers in board.supply_gaps] == [
        ("Large structural die casting", 3, 3),  # $6M unmet: the Oshawa need is met
        ("Battery enclosure", 2, 1),  # $0.6M
    ]
    # a briefing leaves the office: fewer than 5 companies, so neither count is shown
    shown = build(world.carol, Q4, today=TODAY, suppressed=True).supply_gaps
    assert [(label, unmet, str(buyers)) for label, unmet, buyers in shown] == [
        ("Large structural die casting", None, SUPPRESSED_LABEL),
        ("Battery enclosure", None, SUPPRESSED_LABEL),
    ]


def test_quarters_are_read_or_refused() -> None:
    assert parse_quarter("2026Q3") == Quarter(2026, 3)
    assert parse_quarter("2026 q1") == Quarter(2026, 1)
    for bad in ("2026Q5", "Q3", "2026-07", ""):
        with pytest.raises(BadQuarter):
            parse_quarter(bad)
