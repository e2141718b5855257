"""A small built world for the pitch-pack tests: a battery-enclosure gap in Windsor.

* Windsor Assembly (an OEM plant, Windsor) needs battery enclosures worth $4,000,000 a
  year, and Lakeshore Modules (Tier 1, Windsor) $1,500,000: both recorded by Windsor
  (alice), both within 50 km only, so Chatham Trays' enclosures 70 km away do not
  meet them; but Chatham Trays is Windsor Assembly's only supplier of them within 150 km.
* The Windsor-Sarnia region has welders (NOC 72106): 1,200 employed, 80 unemployed, 150
  postings, and St. Clair Test College trains 40 a year in Windsor.
* An Ontario program funds capital investment; another is closed; a third needs a
  consortium.
* An announcement: a company invests in a battery tray plant; another fact is rejected.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from decimal import Decimal
from typing import Any

from corridor.attraction.models import Prospect, Stage
from corridor.core.history import change_context
from corridor.core.models import Municipality
from corridor.core.scoping import system_scope
from corridor.intel.models import Document, Fact
from corridor.programs.models import FundingProgram
from corridor.registry.models import Company, Facility, Tier
from corridor.supplychain import needs
from corridor.supplychain.models import Capability, FacilityCapability, SupplyNeed
from corridor.workforce.models import (
    Campus,
    Demand,
    DemandKind,
    Institution,
    LabourSupply,
    Occupation,
    Region,
    TrainingProgram,
)

ON = dt.date(2026, 10, 31)
KEY = "battery-enclosure"


@dataclass
class PitchWorld:
    oem: Facility
    tier1: Facility
    supplier: Facility
    needs: list[SupplyNeed]
    program: FundingProgram
    fact: Fact
    rejected: Fact
    training: TrainingProgram


def capability(key: str = KEY) -> Capability:
    with system_scope("tests"):
        return Capability.objects.get(key=key)


def _plant(name: str, place: Municipality, lat: float, lon: float, **extra: Any) -> Facility:
    company = Company.objects.create(name=name)
    return Facility.objects.create(
        company=company, name=name, city=place.name, municipality=place,
        latitude=lat, longitude=lon, **extra,
    )  # fmt: skip


def build_pitch_world(world: Any) -> PitchWorld:
    with system_scope("test fixtures"), change_context(source="tests"):
        oem = _plant("Windsor Assembly", world.windsor, 42.30, -83.02, tier=Tier.OEM)
        tier1 = _plant("Lakeshore Modules", world.windsor, 42.31, -82.90, tier=Tier.TIER1)
        supplier = _plant("Chatham Trays", world.windsor, 42.40, -82.19, tier=Tier.TIER2)
        FacilityCapability.objects.create(
            facility=supplier, capability=capability(), source="officer"
        )
        region = Region.objects.get(name="Windsor–Sarnia")
        welder = Occupation.objects.get(noc_code="72106")
        LabourSupply.objects.create(
            region=region, occupation=welder, period=dt.date(2025, 1, 1), employed=1200,
            unemployed=80, source="Statistics Canada, Labour Force Survey (test)",
        )  # fmt: skip
        Demand.objects.create(
            kind=DemandKind.POSTINGS, region=region, occupation=welder,
            month=dt.date(2026, 9, 1), count=150, source="Job Bank (test)",
        )  # fmt: skip
        school = Institution.objects.create(name="St. Clair Test College")
        campus = Campus.objects.create(
            institution=school, name="South Campus", municipality=world.windsor
        )
        training = TrainingProgram.objects.create(
            institution=school, code="WELD", name="Welding Techniques", credential="certificate",
            length_months=12, seats=50, graduates_per_year=40,
        )  # fmt: skip
        training.campuses.set([campus])
        training.occupations.set([welder])
        program = FundingProgram.objects.create(
            key="test-capital", name="Test Capital Fund", jurisdiction="provincial",
            status="open",
            eligibility=[
                {"kind": "region", "provinces": ["ON"]},
                {"kind": "project_type", "types": ["capital_investment"]},
            ],
        )  # fmt: skip
        FundingProgram.objects.create(
            key="test-closed", name="Test Closed Fund", jurisdiction="provincial",
            status="closed", eligibility=[{"kind": "region", "provinces": ["ON"]}],
        )  # fmt: skip
        FundingProgram.objects.create(
            key="test-consortium", name="Test Consortium Fund", jurisdiction="federal",
            status="open",
            eligibility=[{"kind": "consortium", "min_partners": 2}],
        )  # fmt: skip
        document = Document.objects.create(
            title="Trayco to build a battery tray plant in Ontario", text="...",
            content_hash="1" * 64, raw=b"", url="https://example.org/trayco",
            date=dt.date(2026, 6, 1),
        )  # fmt: skip
        fact = Fact.objects.create(
            document=document, funder="Ontario", recipient="Trayco",
            amount_cad=Decimal("25000000"), date=dt.date(2026, 6, 1), position=1,
            sentence="Trayco will invest $25 million in a plant making battery enclosures.",
        )  # fmt: skip
        rejected = Fact.objects.create(
            document=document, recipient="Not a company", amount_cad=Decimal("1"),
            position=2, status="rejected", sentence="Battery enclosures are nice.",
        )  # fmt: skip
    made = [
        needs.record_need(
            world.alice,
            buyer=buyer,
            capability=capability(),
            organisation=world.org_a,
            annual_value=value,
            radius_km=50,
        )
        for buyer, value in ((oem, 4_000_000), (tier1, 1_500_000))
    ]
    return PitchWorld(oem, tier1, supplier, made, program, fact, rejected, training)


def prospect(world: Any, *, capability_key: str | None = KEY, **extra: Any) -> Prospect:
    with system_scope("test fixtures"), change_context(source="tests"):
        values: dict[str, Any] = {
            "name": "Trayco",
            "capability": capability(capability_key) if capability_key else None,
            "estimated_investment": 25_000_000,
            "estimated_jobs": 120,
            "competing_jurisdictions": "Michigan; Ohio",
            "stage": Stage.CONTACTED,
            "stage_changed_on": dt.date(2026, 9, 1),
            "organisation": world.org_a,
            "municipality": world.windsor,
            **extra,
        }
        return Prospect.objects.create(**values)
