"""Local suppliers for a need, the gap ranking and concentration risk."""

from __future__ import annotations

from typing import Any

import pytest
from django.core.exceptions import PermissionDenied, ValidationError

from corridor.core import policy
from corridor.supplychain import needs
from corridor.supplychain.gaps import SupplierMap, concentration_risks, gap_analysis, suppliers_for
from corridor.supplychain.models import NeedStatus
from corridor.supplychain.tests.helpers import capability, plant, recorded_need

WINDSOR = (42.3149, -83.0364)
OSHAWA = (43.8971, -78.8658)  # about 330 km from Windsor

can_see_buyer = policy.can_read_confidential  # whose a need is: the policy decides


@pytest.fixture
def region(world: Any) -> Any:
    world.oem = plant("Corridor Assembly", world.windsor, *WINDSOR, tier="oem")
    world.buyer = plant("Lakeside Seating", world.windsor, 42.30, -83.00)
    world.caster = plant("Essex Diecast", world.windsor, 42.25, -82.95, ("die-casting",))
    world.far_caster = plant("Durham Diecast", world.oshawa, *OSHAWA, ("mega-casting",))
    world.stamper = plant("Windsor Stamping", world.windsor, 42.33, -83.05, ("stamping",))
    world.stamper2 = plant("Tecumseh Stamping", world.windsor, 42.31, -82.88, ("stamping",))
    return world


def _need(world: Any, key: str, value: int | None, radius_km: int = 150) -> Any:
    return recorded_need(world, world.buyer, key, value, radius_km)


def test_suppliers_within_the_radius_nearest_first_with_specific_capabilities(region: Any) -> None:
    need = _need(region, "casting", 2_000_000)  # die casting is a kind of casting
    assert [n.facility_id for n in suppliers_for(need)] == [region.caster.pk]
    wide = _need(region, "die-casting", 1_000_000, radius_km=500)
    assert [n.facility_id for n in suppliers_for(wide)] == [region.caster.pk, region.far_caster.pk]
    assert suppliers_for(wide)[1].distance_km > 300


def test_gaps_rank_unmet_needs_by_the_value_behind_them(region: Any) -> None:
    _need(region, "battery-enclosure", 4_000_000)  # nobody makes them
    _need(region, "mega-casting", 9_000_000)  # only 330 km away
    _need(region, "stamping", 20_000_000)  # two local stampers
    gaps = gap_analysis()
    assert [g.capability.key for g in gaps] == ["mega-casting", "battery-enclosure", "stamping"]
    assert [(g.unmet_needs, g.unmet_value) for g in gaps] == [
        (1, 9_000_000),
        (1, 4_000_000),
        (0, 0),
    ]
    # with k=3 even two stampers are too few
    assert {g.capability.key: g.unmet_needs for g in gap_analysis(k=3)}["stamping"] == 1


def test_a_gap_counts_apart_the_buyers_whose_needs_are_unmet(region: Any) -> None:
    _need(region, "mega-casting", 9_000_000)  # Lakeside Seating: only 330 km away
    oshawa_buyer = plant("Durham Seating", region.oshawa, OSHAWA[0] + 0.01, OSHAWA[1])
    # met: Durham Diecast is next door
    recorded_need(region, oshawa_buyer, "mega-casting", 1_000_000)
    (gap,) = gap_analysis()
    assert (gap.needs, gap.unmet_needs, gap.buyer_count, gap.unmet_buyer_count) == (2, 1, 2, 1)
    assert gap.unmet_buyers == {region.buyer.company_id}


def test_closed_needs_are_not_gaps(region: Any) -> None:
    need = _need(region, "battery-enclosure", 4_000_000)
    needs.set_status(region.alice, need, NeedStatus.DROPPED)
    assert gap_analysis() == []


def test_an_oem_with_one_local_supplier_of_a_capability_is_a_concentration_risk(
    region: Any,
) -> None:
    risks = {(r.capability.key, r.supplier_id): r.oem_plants for r in concentration_risks()}
    assert risks[("die-casting", region.caster.pk)] == [region.oem.pk]
    assert risks[("casting", region.caster.pk)] == [region.oem.pk]
    assert not any(key == "stamping" for key, _ in risks)  # two stampers nearby
    assert not any(key == "processes" for key, _ in risks)


def test_introductions_move_a_need_along(region: Any) -> None:
    need = _need(region, "stamping", 500_000)
    intro = needs.introduce(region.alice, need, region.stamper, need.created_at.date())
    need.refresh_from_db()
    assert need.status == NeedStatus.INTRODUCED
    with pytest.raises(ValidationError):
        needs.introduce(region.alice, need, region.stamper, need.created_at.date())
    with pytest.raises(ValidationError):
        needs.introduce(region.alice, need, region.buyer, need.created_at.date())
    with pytest.raises(PermissionDenied):
        needs.record_outcome(region.bob, intro, "contract")
    needs.record_outcome(region.alice, intro, "contract", "Two-year contract")
    need.refresh_from_db()
    assert need.status == NeedStatus.SOURCED_LOCALLY


def test_the_buyer_is_known_to_the_recording_municipality_and_the_coordinator(
    region: Any,
) -> None:
    need = _need(region, "stamping", 500_000)
    assert [can_see_buyer(u, need) for u in (region.alice, region.erin, region.carol)] == [True] * 3
    assert [can_see_buyer(u, need) for u in (region.bob, region.dave)] == [False] * 2
    with pytest.raises(PermissionDenied):
        needs.record_need(
            region.bob, buyer=region.buyer, capability=capability("stamping"),
            organisation=region.org_a,
        )  # fmt: skip


def test_the_supplier_map_ignores_unlocated_and_merged_plants(region: Any) -> None:
    plant("Nowhere Castings", region.windsor, None, None, ("die-casting",))  # type: ignore[arg-type]
    merged = plant("Essex Diecast Old", region.windsor, 42.25, -82.95, ("die-casting",))
    from corridor.registry import services

    services.merge_facilities(region.carol, region.caster, merged)
    # mega casting is a kind of die casting: the Oshawa plant counts
    assert SupplierMap().by_capability["die-casting"] == {region.caster.pk, region.far_caster.pk}
