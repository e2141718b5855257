"""Demand from recorded calls: mapping what was said to NOC 2021, updates, confidentiality."""

from __future__ import annotations

from typing import Any

from corridor.calls import recording
from corridor.core import policy
from corridor.core.scoping import system_scope
from corridor.workforce.calls_demand import map_occupation
from corridor.workforce.mapping import OccupationMatcher
from corridor.workforce.models import Demand, DemandKind, Occupation
from corridor.workforce.tests.helpers import DAY, occupation, recorded_call


def _matcher() -> OccupationMatcher:
    with system_scope("tests"):
        return OccupationMatcher(Occupation.objects.all())


def test_names_companies_use_map_to_their_noc_occupation(db: Any) -> None:
    names = _matcher()
    assert names.match("Welders").occupation_id == occupation("72106").pk
    assert names.match("CNC machinist").occupation_id == occupation("72100").pk
    assert names.match("Industrial mechanic (millwright)").occupation_id == occupation("72400").pk
    assert names.match("tool & die makers").occupation_id == occupation("72101").pk


def test_a_name_close_to_no_occupation_stays_unmapped(db: Any) -> None:
    found = _matcher().match("Maintenance planner")
    assert found.occupation_id is None
    assert 0 < found.score < 86


def test_a_recorded_call_creates_one_demand_row_per_occupation_named(world: Any) -> None:
    call = recorded_call(
        world.alice,
        world.org_a,
        world.windsor,
        "Welders, 4\nCNC machinist, 2\nMaintenance planner, 1",
    )
    rows = {d.stated_occupation: d for d in policy.visible(world.alice, Demand).filter(call=call)}
    assert set(rows) == {"Welders", "CNC machinist", "Maintenance planner"}
    welders = rows["Welders"]
    assert welders.occupation is not None and welders.region is not None
    assert (welders.kind, welders.count, welders.occupation.noc_code) == (
        DemandKind.CALL,
        4,
        "72106",
    )
    assert welders.region.name == "Windsor–Sarnia"
    assert welders.month == DAY.replace(day=1)
    assert welders.organisation_id == world.org_a.pk
    assert rows["Maintenance planner"].occupation is None


def test_recording_the_call_again_updates_counts_and_withdraws_names_no_longer_said(
    world: Any,
) -> None:
    call = recorded_call(world.alice, world.org_a, world.windsor, "Welder, 4\nPainter, 2")
    assert not recording.save_answers(
        world.alice, call, {"workforce.hard_to_fill": "Welder, 6"}, complete=True, today=DAY
    )
    live = policy.visible(world.carol, Demand).filter(call=call)
    assert [(d.stated_occupation, d.count) for d in live] == [("Welder", 6)]
    with system_scope("tests"):
        assert Demand.all_objects.filter(call=call, stated_occupation="Painter").get().is_deleted


def test_a_calls_demand_is_seen_only_by_the_visiting_municipality_and_the_coordinator(
    world: Any,
) -> None:
    call = recorded_call(world.alice, world.org_a, world.windsor, "Welder, 4")
    seen = {
        name: policy.visible(user, Demand).filter(call=call).count()
        for name, user in world.users().items()
    }
    assert seen == {"alice": 1, "erin": 1, "carol": 1, "bob": 0, "dave": 0, "anonymous": 0}


def test_an_officer_of_the_visiting_municipality_maps_an_unmapped_name(world: Any) -> None:
    call = recorded_call(world.alice, world.org_a, world.windsor, "Maintenance planner, 1")
    demand = policy.visible(world.alice, Demand).get(call=call)
    map_occupation(world.alice, demand, occupation("72400"))
    demand.refresh_from_db()
    assert demand.occupation is not None and demand.occupation.noc_code == "72400"
    assert not policy.can_change(world.bob, demand)
