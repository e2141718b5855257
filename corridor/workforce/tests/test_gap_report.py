"""The gap analysis from the database, as each reader may see it (suppression of small counts)."""

from __future__ import annotations

from typing import Any

import pytest

from corridor.workforce.gap_report import analysis_for, months_back
from corridor.workforce.tests.helpers import ON, postings, program, recorded_call, region, supply


def _welders(analysis: Any) -> Any:
    (line,) = [
        line
        for line in analysis.lines
        if line.occupation.noc_code == "72106" and line.region.name == "Windsor–Sarnia"
    ]
    return line


@pytest.fixture
def windsor_welders(world: Any) -> Any:
    """Welders of Windsor-Sarnia: 100 postings, 4 companies reporting 3 each on calls (12),
    30 unemployed, 20 graduates: demand 112, available 50."""
    windsor = region("Windsor–Sarnia")
    postings(windsor, "72106", 60)
    postings(windsor, "72106", 40, month=months_back(ON, 3))
    postings(windsor, "72106", 500, month=months_back(ON, 12))  # older than twelve months
    supply(windsor, "72106", unemployed=30)
    program("Welding", 20, [world.windsor], ["72106"])
    for _ in range(4):
        recorded_call(world.alice, world.org_a, world.windsor, "Welder, 3")
    return world


def test_a_participant_sees_the_calls_counted_in_the_demand(windsor_welders: Any) -> None:
    line = _welders(analysis_for(windsor_welders.bob, ON))
    assert (line.gap.postings, line.gap.call_openings, line.companies.value) == (100, 12, 4)
    assert line.gap.available == 50
    assert line.gap.index == pytest.approx(112 / 50)


def test_a_partner_gets_calls_of_fewer_than_five_companies_left_out(
    windsor_welders: Any,
) -> None:
    line = _welders(analysis_for(windsor_welders.dave, ON))
    assert line.gap.calls_left_out and line.companies.suppressed
    assert str(line.companies) == "fewer than 5"
    assert line.gap.index == pytest.approx(100 / 50)


def test_a_fifth_company_makes_the_calls_count_for_partners_too(windsor_welders: Any) -> None:
    w = windsor_welders
    recorded_call(w.alice, w.org_a, w.windsor, "Welder, 3")
    line = _welders(analysis_for(w.dave, ON))
    assert (line.gap.call_openings, line.companies.value) == (15, 5)


def test_plants_of_one_company_count_as_one_company(windsor_welders: Any) -> None:
    """A fifth call, at a second plant of the first call's company: still 4 companies,
    so a partner still gets the calls left out, in the gap and on the occupation page."""
    from corridor.core.scoping import system_scope
    from corridor.registry.models import Facility
    from corridor.workforce.models import Occupation
    from corridor.workforce.occupation_report import companies_asking, series

    w = windsor_welders
    second = recorded_call(w.alice, w.org_a, w.windsor, "Welder, 3").facility
    with system_scope("tests"):
        first = Facility.objects.exclude(pk=second.pk).filter(name__startswith="Plant ")
        owner = first.order_by("pk").values_list("company_id", flat=True)[0]
        Facility.objects.filter(pk=second.pk).update(company_id=owner)
        welder = Occupation.objects.get(noc_code="72106")
    line = _welders(analysis_for(w.bob, ON))
    assert (line.gap.call_openings, line.companies.value) == (15, 4)
    assert _welders(analysis_for(w.dave, ON)).gap.calls_left_out
    (asks,) = [a for a in companies_asking(w.bob, welder, ON) if a.region.name == "Windsor–Sarnia"]
    assert asks.companies.value == 4
    assert [m.companies.value for m in series(w.bob, welder, ON) if m.companies.value] == [4]


def test_the_latest_supply_figure_on_or_before_the_day_counts(world: Any) -> None:
    import datetime as dt

    windsor = region("Windsor–Sarnia")
    supply(windsor, "72400", unemployed=80, period=dt.date(2024, 1, 1))
    supply(windsor, "72400", unemployed=20, period=dt.date(2025, 1, 1))
    supply(windsor, "72400", unemployed=5, period=dt.date(2027, 1, 1))  # after the day
    postings(windsor, "72400", 40)
    (line,) = analysis_for(world.alice, ON).lines
    assert (line.gap.unemployed, line.gap.index) == (20, 2.0)


def test_filters_narrow_the_table_and_ranks_start_again_at_one(windsor_welders: Any) -> None:
    london = region("London")
    postings(london, "72400", 10)
    supply(london, "72400", unemployed=1)
    everything = analysis_for(windsor_welders.alice, ON)
    assert [line.occupation.noc_code for line in everything.lines] == ["72400", "72106"]
    in_windsor = analysis_for(windsor_welders.alice, ON, region=region("Windsor–Sarnia").pk)
    assert [(line.rank, line.occupation.noc_code) for line in in_windsor.lines] == [(1, "72106")]
    assert analysis_for(windsor_welders.alice, ON, teer=4).lines == []
    assert len(analysis_for(windsor_welders.alice, ON, q="weld").lines) == 1


def test_visitors_see_nothing(windsor_welders: Any) -> None:
    assert analysis_for(None, ON).lines == []
