"""Campaign coverage and the counts partners see."""

from __future__ import annotations

import datetime as dt
from typing import Any

from corridor.calls import recording
from corridor.calls.aggregates import (
    Quarter,
    companies_called_by_region,
    issues_raised,
    last_quarters,
)
from corridor.calls.campaigns import coverage
from corridor.calls.models import Campaign
from corridor.calls.tests.helpers import DAY, facility, planned
from corridor.core.scoping import system_scope


def _completed(world: Any, plant: Any, answers: dict[str, str] | None = None) -> Any:
    user, org = (
        (world.alice, world.org_a)
        if plant.municipality == world.windsor
        else (world.bob, world.org_b)
    )
    call = planned(user, plant, org)
    assert recording.save_answers(user, call, answers or {}, complete=True, today=DAY) == {}
    return call


def test_coverage_counts_targets_called_in_the_campaign_per_lead(world: Any) -> None:
    windsor = [facility(f"Windsor Plant {n}", world.windsor) for n in range(3)]
    oshawa = [facility(f"Oshawa Plant {n}", world.oshawa) for n in range(2)]
    with system_scope("tests"):
        campaign = Campaign.objects.create(
            name="Automotive focus", starts_on=dt.date(2026, 9, 1), ends_on=dt.date(2027, 2, 28)
        )
        campaign.targets.set(windsor + oshawa)
    _completed(world, windsor[0])
    _completed(world, windsor[1])
    _completed(world, oshawa[0])
    planned(world.bob, oshawa[1], world.org_b)  # planned, not yet called
    total, rows = coverage(campaign)
    assert (total.targets, total.called, total.percent) == (5, 3, 60)
    by_label = {r.label: (r.targets, r.called) for r in rows}
    assert by_label == {
        "Windsor Economic Development": (3, 2),
        "Oshawa Economic Development": (2, 1),
    }


def test_quarters() -> None:
    assert str(Quarter.of(dt.date(2026, 11, 21))) == "2026 Q4"
    assert Quarter(2026, 4).ends_on == dt.date(2026, 12, 31)
    assert Quarter(2026, 1).previous() == Quarter(2025, 4)
    assert [str(q) for q in last_quarters(3, dt.date(2026, 2, 1))] == [
        "2025 Q3",
        "2025 Q4",
        "2026 Q1",
    ]


def test_partners_see_no_count_under_five_companies(world: Any) -> None:
    for n in range(6):
        _completed(
            world, facility(f"Windsor Plant {n}", world.windsor), {"risks.relocation": "yes"}
        )
    for n in range(2):
        _completed(world, facility(f"Oshawa Plant {n}", world.oshawa), {"risks.relocation": "yes"})
    quarter = Quarter.of(DAY)
    table = companies_called_by_region([quarter])
    shown = {region: (cells[0].value, total.value) for region, cells, total in table.rows}
    assert shown == {"Windsor–Sarnia": (6, 6), "Toronto": (None, None)}
    raw = companies_called_by_region([quarter], suppressed=False)
    assert {r: c[0].value for r, c, _ in raw.rows} == {"Windsor–Sarnia": 6, "Toronto": 2}
    today = dt.date.today()
    issues = dict(issues_raised(today - dt.timedelta(days=1), today + dt.timedelta(days=1)))
    assert issues["Relocation or closure risk"].value == 8
