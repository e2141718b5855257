"""Demo supply chain: capabilities on the demo registry, needs from the demo calls and the
assembly plants' needs, introductions with outcomes, so that the gap page tells a story.

After the registry and calls demos:

* facilities whose products named nothing in the taxonomy are tagged from their NAICS
  code (``NAICS_CAPABILITIES``; source "demo"); the products were read on import;
* a few plants get a rare capability so that the map and the concentration risks have
  something to say: tube hydroforming near Windsor Assembly (its only local source),
  a battery-enclosure maker near Oshawa (330 km from Windsor: too far to count there);
* needs from every completed demo call with a supply-chain answer
  (``needs.needs_from_call``), given a share of the answer's value and where the
  company buys today;
* the assembly plants' needs (``PLANT_NEEDS``), recorded by their municipality's
  officer on the plant's latest call when there is one: Windsor Assembly's die-cast
  battery enclosures have no supplier within 150 km, the region's first target;
* introductions of buyers to local suppliers, with outcomes (a contract marks the
  need sourced locally).

Deterministic, a few seconds; idempotent (nothing is added when the demo needs exist).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from django.db import transaction
from django.utils import timezone

from corridor.core.demo import COORDINATOR_OFFICE, municipality_username
from corridor.core.history import change_context
from corridor.core.models import Organisation, OrganisationKind, User
from corridor.core.scoping import system_scope
from corridor.registry.models import Facility, SourceRecord, Tier
from corridor.supplychain import needs
from corridor.supplychain.gaps import SupplierMap, suppliers_for
from corridor.supplychain.models import (
    Capability,
    FacilityCapability,
    IntroductionOutcome,
    NeedStatus,
    SupplyNeed,
    TagSource,
)
from corridor.supplychain.signals import batched_updates

OEM_SOURCE = "oem-plants"

# What a plant of each industry does, when its products say nothing the taxonomy knows.
NAICS_CAPABILITIES: dict[str, tuple[str, ...]] = {
    "336370": ("stamping",),
    "332710": ("cnc-machining",),
    "331523": ("die-casting",),
    "326199": ("injection-moulding",),
    "333511": ("mould-making",),
    "333514": ("tooling",),
    "332810": ("finishing",),
    "336320": ("electrical",),
    "332722": ("fasteners",),
    "336390": ("assembly",),
    "333248": ("automation-integration",),
    "332319": ("welding",),
    "332811": ("heat-treating",),
    "326291": ("rubber-moulding",),
    "326150": ("interior",),
    "336360": ("interior",),
    "327215": ("glass",),
    "332118": ("forging",),
    "333612": ("powertrain",),
    "331318": ("extrusion", "aluminium"),
    "541330": ("engineering",),
    "331221": ("steel",),
    "336330": ("chassis",),
    "336340": ("chassis",),
    "336350": ("powertrain",),
    "336310": ("powertrain",),
}


@dataclass(frozen=True, slots=True)
class PlantNeed:
    plant: str  # the OEM list's source id
    capability: str
    value: int
    volume: str
    sourced_from: str
    urgency: str
    description: str
    introductions: tuple[str, ...] = ()  # outcomes, nearest suppliers first


PLANT_NEEDS: tuple[PlantNeed, ...] = (
    PlantNeed(
        "stellantis-windsor",
        "battery-enclosure",
        18_000_000,
        "120,000 enclosures",
        "mexico",
        "high",
        "Die-cast aluminium battery enclosures for the next electrified minivan; bought from "
        "Mexico today, looking for a supplier within a day's trucking.",
    ),
    PlantNeed(
        "gm-cami",
        "mega-casting",
        9_500_000,
        "40,000 rear underbodies",
        "us",
        "high",
        "Large structural die castings (rear underbody) for the electric delivery van.",
    ),
    PlantNeed(
        "ford-oakville",
        "pack-assembly",
        12_000_000,
        "60,000 packs",
        "asia",
        "medium",
        "Battery pack assembly near the plant once retooling ends.",
    ),
    PlantNeed(
        "honda-alliston",
        "power-electronics",
        6_200_000,
        "250,000 inverters",
        "asia",
        "medium",
        "Traction inverters and DC-DC converters, imported from Japan today.",
    ),
    PlantNeed(
        "toyota-woodstock",
        "hot-stamping",
        3_100_000,
        "1.2 million parts",
        "us",
        "medium",
        "Press-hardened B-pillars and roof rails, stamped in Kentucky today.",
    ),
    PlantNeed(
        "toyota-cambridge",
        "electrical",
        4_200_000,
        "300,000 harnesses",
        "mexico",
        "medium",
        "Engine-bay wire harnesses, bought from Mexico.",
        ("contract", "no_fit"),
    ),
    PlantNeed(
        "gm-oshawa",
        "stamping",
        2_500_000,
        "900,000 brackets",
        "us",
        "low",
        "Small brackets and reinforcements stamped in Michigan.",
        ("quote", "meeting"),
    ),
    PlantNeed(
        "stellantis-brampton",
        "injection-moulding",
        1_800_000,
        "2 million clips",
        "us",
        "low",
        "Interior clips and retainers from Ohio.",
        ("pending",),
    ),
)

# Where a call's answer says the company buys today.
SOURCES = (
    ("mexico", "mexico"),
    ("ohio", "us"),
    ("michigan", "us"),
    ("indiana", "us"),
    ("united states", "us"),
    ("germany", "europe"),
    ("china", "asia"),
    ("japan", "asia"),
)

Progress = Callable[[str], None]


@dataclass
class SupplyChainDemoSummary:
    tagged: int = 0
    needs: int = 0
    from_calls: int = 0
    introductions: int = 0
    gaps: int = 0
    skipped: bool = False


def _oems() -> dict[str, Facility]:
    out = {}
    for record in SourceRecord.objects.filter(source=OEM_SOURCE).select_related("facility"):
        facility = record.facility
        if facility is not None and not facility.is_deleted and facility.has_point:
            out[record.source_id] = facility
    return out


def _officer(facility: Facility) -> tuple[Organisation, User]:
    """The municipality's organisation and officer for the plant; else the coordinator."""
    if facility.municipality_id:
        org = Organisation.objects.filter(
            kind=OrganisationKind.MUNICIPALITY, municipality_id=facility.municipality_id
        ).first()
        if org is not None:
            assert facility.municipality is not None
            user = User.objects.filter(
                username=municipality_username(facility.municipality.name)
            ).first()
            if user is not None:
                return org, user
    office = Organisation.objects.get(name=COORDINATOR_OFFICE)
    return office, User.objects.get(username="coordinator")


def _tag_from_naics() -> int:
    capabilities = {c.key: c for c in Capability.objects.all()}
    tagged = set(FacilityCapability.objects.values_list("facility_id", flat=True))
    added = 0
    for facility in (
        Facility.objects.exclude(tier=Tier.OEM)
        .exclude(pk__in=tagged)
        .exclude(naics="")
        .only("pk", "naics")
        .order_by("pk")
    ):
        for key in NAICS_CAPABILITIES.get(facility.naics, ()):
            if key in capabilities:
                FacilityCapability.objects.create(
                    facility=facility, capability=capabilities[key], source=TagSource.DEMO
                )
                added += 1
    return added


def _nearest_supplier(oem: Facility, min_km: float, max_km: float, naics: str) -> Any:
    """The nearest tier 1 or 2 supplier of the industry ``naics`` (any, if none) between
    ``min_km`` and ``max_km`` from ``oem``."""
    from corridor.registry.resolution.geo import haversine_km

    centre = (oem.latitude or 0.0, oem.longitude or 0.0)
    found = []
    for f in Facility.objects.filter(
        tier__in=[Tier.TIER1, Tier.TIER2], latitude__isnull=False, longitude__isnull=False
    ).order_by("pk"):
        km = haversine_km(centre, (f.latitude or 0.0, f.longitude or 0.0))
        if min_km <= km <= max_km:
            found.append((km, f.pk, f))
    found.sort(key=lambda item: (item[2].naics != naics, item[0], item[1]))
    return found[0][2] if found else None


def _rare_capabilities(oems: dict[str, Facility]) -> int:
    capabilities = {c.key: c for c in Capability.objects.all()}
    added = 0
    windsor = oems.get("stellantis-windsor")
    if windsor is not None:
        plant = _nearest_supplier(windsor, 2, 40, "336370")
        if plant is not None:
            for key in ("hydroforming", "tube-bending"):
                FacilityCapability.objects.get_or_create(
                    facility=plant, capability=capabilities[key], defaults={"source": "demo"}
                )
                added += 1
    oshawa = oems.get("gm-oshawa")
    if oshawa is not None:
        plant = _nearest_supplier(oshawa, 2, 40, "331523")
        if plant is not None:
            for key in ("battery-enclosure", "die-casting"):
                FacilityCapability.objects.get_or_create(
                    facility=plant, capability=capabilities[key], defaults={"source": "demo"}
                )
                added += 1
    return added


def _sourced_from(text: str) -> str:
    lower = text.lower()
    for word, source in SOURCES:
        if word in lower:
            return source
    return "unknown"


def _needs_from_calls() -> int:
    from corridor.calls.models import Call, CallStatus

    created = 0
    calls = (
        Call.objects.filter(status=CallStatus.COMPLETED)
        .select_related("answers", "planned_by")
        .order_by("scheduled_on", "pk")
    )
    for call in calls:
        answers = getattr(call, "answers", None)
        data = answers.answers if answers is not None else {}
        text = data.get(needs.CALL_INPUTS) or ""
        if not text:
            continue
        created += len(needs.needs_from_call(call.planned_by, call, data))
        # the officer's follow-up: a share of the value each, and where it comes from today
        made = list(SupplyNeed.objects.filter(call=call, sourced_from="unknown"))
        value = data.get(needs.CALL_VALUE)
        for need in made:
            if need.annual_value is None and value:
                need.annual_value = int(value) // len(made)
            need.sourced_from = _sourced_from(text)
            need.save()
    return created


def _plant_needs(oems: dict[str, Facility]) -> list[tuple[SupplyNeed, PlantNeed]]:
    from corridor.calls.models import Call, CallStatus

    capabilities = {c.key: c for c in Capability.objects.all()}
    out = []
    for spec in PLANT_NEEDS:
        plant = oems.get(spec.plant)
        if plant is None:
            continue
        organisation, officer = _officer(plant)
        call = (
            Call.objects.filter(
                facility=plant, status=CallStatus.COMPLETED, organisation=organisation
            )
            .order_by("-scheduled_on")
            .first()
        )
        with change_context(user=officer, source="demo"):
            need = needs.record_need(
                officer,
                buyer=plant,
                capability=capabilities[spec.capability],
                organisation=organisation,
                description=spec.description,
                annual_value=spec.value,
                annual_volume=spec.volume,
                sourced_from=spec.sourced_from,
                urgency=spec.urgency,
                call=call,
            )
        out.append((need, spec))
    return out


def _introduce(made: list[tuple[SupplyNeed, PlantNeed]], today: dt.date) -> int:
    suppliers = SupplierMap()
    count = 0
    for need, spec in made:
        if not spec.introductions:
            continue
        officer = need.recorded_by
        nearby = suppliers_for(need, suppliers)
        with change_context(user=officer, source="demo"):
            for i, (outcome, near) in enumerate(zip(spec.introductions, nearby, strict=False)):
                supplier = Facility.objects.get(pk=near.facility_id)
                on = today - dt.timedelta(days=60 - 12 * i)
                introduction = needs.introduce(
                    officer, need, supplier, on, f"Introduced at the {on:%B} supplier day."
                )
                count += 1
                if outcome != IntroductionOutcome.PENDING:
                    notes = {
                        "contract": "Two-year contract signed; first parts next quarter.",
                        "quote": "Supplier quoting on the 2027 volumes.",
                        "meeting": "Plant visit done; samples requested.",
                        "no_fit": "Volumes too high for the supplier's presses.",
                    }[outcome]
                    needs.record_outcome(officer, introduction, outcome, notes)
    return count


def build_demo(
    progress: Progress | None = None, *, today: dt.date | None = None
) -> SupplyChainDemoSummary:
    """Add the demo supply chain (after the registry and calls demos)."""
    today = today or timezone.localdate()
    summary = SupplyChainDemoSummary()
    with system_scope("demo supply chain"):
        oems = _oems()
        if not oems:
            if progress:
                progress("supply chain: no demo assembly plants; nothing added")
            summary.skipped = True
            return summary
        first = PLANT_NEEDS[0]
        if SupplyNeed.all_objects.filter(
            buyer=oems.get(first.plant), capability__key=first.capability
        ).exists():
            if progress:
                progress("supply chain: the demo needs are already there")
            summary.skipped = True
            return summary
        with transaction.atomic(), change_context(source="demo"), batched_updates():
            summary.tagged = _tag_from_naics() + _rare_capabilities(oems)
        with transaction.atomic():
            summary.from_calls = _needs_from_calls()
            made = _plant_needs(oems)
            summary.needs = summary.from_calls + len(made)
            summary.introductions = _introduce(made, today)
        from corridor.supplychain.gaps import gap_analysis

        summary.gaps = sum(1 for g in gap_analysis() if g.unmet_needs)
        open_needs = SupplyNeed.objects.filter(
            status__in=[NeedStatus.OPEN, NeedStatus.INTRODUCED]
        ).count()
    if progress:
        progress(
            f"supply chain: {summary.tagged} capability tags from NAICS, {summary.needs} needs "
            f"({summary.from_calls} from calls, {open_needs} open), "
            f"{summary.introductions} introductions; {summary.gaps} capabilities short of "
            "local suppliers"
        )
    return summary
