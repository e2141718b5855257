"""The pitch pack's figures on a small built world (``pitch_world.py``)."""

from __future__ import annotations

from typing import Any

import pytest

from corridor.attraction import pitch
from corridor.attraction.occupations import noc_codes_for, read_mapping
from corridor.attraction.tests.pitch_world import ON, build_pitch_world, capability, prospect
from corridor.core.scoping import system_scope
from corridor.supplychain.models import Capability
from corridor.workforce.models import Occupation


@pytest.fixture
def built(world: Any) -> Any:
    return build_pitch_world(world)


def test_every_mapped_capability_and_occupation_exists(db: Any) -> None:
    with system_scope("tests"):
        keys = set(Capability.objects.values_list("key", flat=True))
        codes = set(Occupation.objects.values_list("noc_code", flat=True))
    mapping = read_mapping()
    assert set(mapping) <= keys
    assert {c for found in mapping.values() for c in found} <= codes


def test_a_capability_without_occupations_takes_its_parents(db: Any) -> None:
    assert noc_codes_for(capability("hot-stamping")) == noc_codes_for(capability("stamping"))
    assert noc_codes_for(capability("laser-welding")) == read_mapping()["welding"]
    assert noc_codes_for(capability("battery-enclosure"))[0] == "94105"
    assert noc_codes_for(capability("services")) == ()


def test_the_recording_municipality_sees_the_whole_demand_and_its_buyers(
    world: Any, built: Any
) -> None:
    pack = pitch.build(world.alice, capability(), on=ON)
    d = pack.demand
    assert (d.unmet_needs, d.unmet_value, d.buyers.value, d.needs) == (2, 5_500_000, 2, 2)
    assert d.whole and d.suppliers_in_region == 1
    assert d.buyer_lines == [
        ("Windsor Assembly (Windsor)", 4_000_000),
        ("Lakeshore Modules (Windsor)", 1_500_000),
    ]


def test_a_reader_not_in_the_buyers_municipality_sees_fewer_than_5(world: Any, built: Any) -> None:
    d = pitch.build(world.bob, capability(), on=ON).demand
    assert str(d.buyers) == "fewer than 5"
    assert (d.unmet_needs, d.unmet_value, d.needs) == (None, None, None)
    assert d.buyer_lines == [] and not d.whole
    oem = pitch.build(world.bob, capability(), on=ON).oem
    assert oem.named == [] and str(oem.unnamed) == "fewer than 5"


def test_the_outside_pack_suppresses_for_everyone_and_names_no_buyer(
    world: Any, built: Any
) -> None:
    pack = pitch.build(world.carol, capability(), on=ON, outside=True)
    assert str(pack.demand.buyers) == "fewer than 5"
    assert pack.demand.unmet_value is None and pack.demand.buyer_lines == []
    assert pack.oem.named == []
    assert all(line.buyers.suppressed for line in pack.sites.lines)
    assert not pack.labour.calls_whole


def test_oem_plants_exposed_and_their_single_supplier(world: Any, built: Any) -> None:
    oem = pitch.build(world.alice, capability(), on=ON).oem
    assert [f.name for f in oem.named] == ["Windsor Assembly"]
    assert oem.unnamed.value == 0
    assert [(f.name, what) for f, what in oem.dependent] == [
        ("Windsor Assembly", "Battery enclosure")
    ]


def test_labour_and_training_for_the_occupations_it_needs(world: Any, built: Any) -> None:
    labour = pitch.build(world.alice, capability(), on=ON).labour
    codes = [o.occupation.noc_code for o in labour.occupations]
    assert codes == list(noc_codes_for(capability()))
    (welders,) = [o for o in labour.occupations if o.occupation.noc_code == "72106"]
    (line,) = welders.regions
    assert (line.region.name, line.employed, line.unemployed, line.postings) == (
        "Windsor–Sarnia",
        1200,
        80,
        150,
    )
    assert line.graduates == 40 and round(line.index, 2) == round(150 / 120, 2)
    (training,) = welders.training
    assert (training.institution, training.credential, training.campuses) == (
        "St. Clair Test College",
        "Certificate",
        ["South Campus (Windsor)"],
    )
    assert "Job Bank (test)" in labour.source and "Statistics Canada" in labour.source


def test_programs_that_would_fund_it_with_their_verdicts(world: Any, built: Any) -> None:
    programs = pitch.build(world.alice, capability(), on=ON).programs
    assert [(line.program.name, line.status) for line in programs.lines] == [
        ("Test Capital Fund", "eligible")
    ]
    (line,) = programs.lines
    assert line.project_type == "capital_investment"
    assert line.why.startswith("Meets every rule: located in Ontario; a project of capital")
    assert "Windsor" in programs.assumption  # the best candidate site


def test_a_size_rule_is_possibly_without_jobs_and_eligible_with_a_prospects(
    world: Any, built: Any
) -> None:
    with system_scope("tests"):
        built.program.eligibility = [
            *built.program.eligibility,
            {"kind": "size", "max_employees": 499},
        ]
        built.program.save()
    gap = pitch.build(world.alice, capability(), on=ON).programs.lines
    assert [(line.status, line.verdict.missing) for line in gap] == [("possibly", ["employees"])]
    mine = pitch.build(world.alice, capability(), prospect(world), on=ON).programs.lines
    assert [line.status for line in mine] == ["eligible"]


def test_candidate_sites_by_buyers_within_reach(world: Any, built: Any) -> None:
    sites = pitch.build(world.alice, capability(), on=ON).sites
    assert [(s.municipality.name, s.buyers.value, s.employed) for s in sites.lines] == [
        ("Windsor", 2, 1200)
    ]
    assert pitch.build(world.bob, capability(), on=ON).sites.lines[0].buyers.suppressed


def test_announcements_name_the_capability_newest_first_without_rejected(
    world: Any, built: Any
) -> None:
    news = pitch.build(world.alice, capability(), on=ON).announcements
    assert [a.fact.pk for a in news.lines] == [built.fact.pk]
    assert news.lines[0].url == "https://example.org/trayco"
    assert "battery tray" in news.terms
    assert not pitch.build(world.alice, capability("stamping"), on=ON).announcements.lines


def test_a_prospects_header_hides_competitors_from_other_municipalities(
    world: Any, built: Any
) -> None:
    shared = prospect(world, shared=True)
    mine = pitch.build(world.alice, capability(), shared, on=ON).prospect
    theirs = pitch.build(world.bob, capability(), shared, on=ON).prospect
    outside = pitch.build(world.alice, capability(), shared, on=ON, outside=True).prospect
    assert mine is not None and mine.competitors == ["Michigan", "Ohio"]
    assert theirs is not None and theirs.competitors is None
    assert outside is not None and outside.competitors is None


def test_an_empty_capability_has_empty_sections(world: Any) -> None:
    pack = pitch.build(world.alice, capability("software"), on=ON)
    assert pack.demand.needs == 0 and pack.demand.unmet_needs == 0
    assert pack.oem.is_empty and pack.sites.lines == []
    assert [o.occupation.noc_code for o in pack.labour.occupations] == ["21231"]
