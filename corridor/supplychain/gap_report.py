"""The gap analysis and the concentration risks as one reader may see them.

Participants see the values. Partners see the capability and the supplier counts; the
number of buyers is suppressed under 5 companies, and so are the numbers of needs and
the value behind fewer than 5 buyers (``corridor/core/disclosure.py``). Each unmet
need names its buyer only to whoever may know it (``policy.can_read_confidential``).
Used by the gap page, its exports and ``GET /api/v1/supply-gaps``.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from corridor.core import policy
from corridor.core.disclosure import MINIMUM, Cell, for_reader
from corridor.registry.models import Facility
from corridor.supplychain.gaps import (
    Concentration,
    Gap,
    SupplierMap,
    concentration_risks,
    gap_analysis,
    suppliers_for,
)
from corridor.supplychain.models import NeedStatus, SupplyNeed
from corridor.supplychain.taxonomy import load_taxonomy

DEFAULT_K = 1
DEFAULT_RADIUS = 150


def most_specific(risks: list[Concentration]) -> list[Concentration]:
    """The risks without those a more specific capability of the same supplier and plants
    already tells ("Metal forming" when "Stamping" is listed)."""
    taxonomy = load_taxonomy()
    told: dict[tuple[int, tuple[int, ...]], set[str]] = {
        (r.supplier_id, tuple(r.oem_plants)): set() for r in risks
    }
    for r in risks:
        told[(r.supplier_id, tuple(r.oem_plants))].update(taxonomy.ancestors(r.capability.key))
    return [r for r in risks if r.capability.key not in told[(r.supplier_id, tuple(r.oem_plants))]]


def buyer_label(user: Any, need: SupplyNeed) -> str:
    """The buyer's name for those who may know it, else only where it is."""
    buyer = need.buyer
    place = (
        buyer.municipality.name
        if buyer.municipality_id and buyer.municipality
        else buyer.city or "a place not known"
    )
    if policy.can_read_confidential(user, need):
        return f"{buyer.name} ({place})"
    return f"A facility in {place}"


@dataclass(frozen=True, slots=True)
class GapRow:
    rank: int
    gap: Gap
    buyers: Cell
    unmet_value: int | None  # None: suppressed
    total_value: int | None
    needs: int | None  # None: suppressed (a count of needs could point to a single buyer)
    unmet_needs: int | None
    suppliers_in_region: int
    percent: int  # of the largest unmet value shown, for the bar

    @property
    def is_target(self) -> bool:
        return self.gap.unmet_needs > 0


@dataclass(frozen=True, slots=True)
class RiskRow:
    risk: Concentration
    supplier: Facility | None
    oem_plants: list[Facility]


@dataclass(frozen=True, slots=True)
class UnmetNeed:
    need: SupplyNeed
    where: str
    sees_buyer: bool
    suppliers: int


@dataclass
class Analysis:
    k: int
    radius: int
    sees_values: bool
    rows: list[GapRow]
    risks: list[RiskRow]
    unmet: list[UnmetNeed]


def analysis_for(user: Any, k: int = DEFAULT_K, radius: int = DEFAULT_RADIUS) -> Analysis:
    """The gap analysis and the concentration risks as ``user`` may read them."""
    actor = policy.actor_for(user)
    sees_values = actor.is_participant
    suppliers = SupplierMap()
    gaps = gap_analysis(k, suppliers)
    shown = []
    for gap in gaps:
        buyers = gap.buyer_count
        enough = sees_values or buyers >= MINIMUM
        shown.append(
            (
                gap,
                for_reader(buyers, full=sees_values),
                gap.unmet_value if enough else None,
                gap.total_value if enough else None,
            )
        )
    top = max((v for _, _, v, _ in shown if v), default=0)
    rows = [
        GapRow(
            i + 1,
            gap,
            buyers_cell,
            unmet,
            total,
            gap.needs if total is not None else None,
            gap.unmet_needs if total is not None else None,
            len(suppliers.by_capability.get(gap.capability.key, ())),
            round(100 * unmet / top) if top and unmet else 0,
        )
        for i, (gap, buyers_cell, unmet, total) in enumerate(shown)
    ]
    risks = most_specific(concentration_risks(radius, suppliers))
    ids = {r.supplier_id for r in risks} | {p for r in risks for p in r.oem_plants}
    plants = {f.pk: f for f in policy.visible(user, Facility).filter(pk__in=ids)}
    risk_rows = [
        RiskRow(r, plants.get(r.supplier_id), [plants[p] for p in r.oem_plants if p in plants])
        for r in risks
    ]
    unmet: list[UnmetNeed] = []
    if policy.can_view(user, SupplyNeed):
        needs = (
            policy.visible(user, SupplyNeed)
            .filter(status__in=[NeedStatus.OPEN, NeedStatus.INTRODUCED])
            .select_related("capability", "buyer", "buyer__municipality")
            .order_by("-annual_value", "pk")
        )
        for need in needs:
            count = len(suppliers_for(need, suppliers))
            if count < k:
                unmet.append(
                    UnmetNeed(
                        need,
                        buyer_label(user, need),
                        policy.can_read_confidential(user, need),
                        count,
                    )
                )
    return Analysis(k, radius, sees_values, rows, risk_rows, unmet)
