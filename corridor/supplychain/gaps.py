"""Which needs have no local supplier, and where the region hangs on a single one.

* ``suppliers_for(need)``: facilities that can do the needed capability (or a
  more specific one under it), within the need's radius of the buyer, nearest
  first; the buyer's own plant is not its supplier.
* ``gap_analysis(k)``: per capability with open needs, how many needs have
  fewer than ``k`` suppliers within their radius, and the value per year behind
  them: the region's investment-attraction targets, ranked by that value.
* ``concentration_risks(radius_km)``: capabilities that an OEM plant of the
  region can source from exactly one supplier within the radius.

Distances are great-circle kilometres between facility coordinates; a facility
without coordinates is nobody's local supplier.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field

from corridor.core.scoping import system_scope
from corridor.registry.models import Facility, Tier
from corridor.registry.resolution.geo import haversine_km
from corridor.supplychain.models import Capability, FacilityCapability, NeedStatus, SupplyNeed

Point = tuple[float, float]


@dataclass(frozen=True, slots=True)
class Nearby:
    facility_id: int
    distance_km: float


class SupplierMap:
    """Live, located facilities by capability (a tag counts for every ancestor too)."""

    def __init__(self) -> None:
        with system_scope("supplier counts are registry knowledge shared with everyone"):
            parents = dict(Capability.objects.values_list("pk", "parent_id"))
            keys = dict(Capability.objects.values_list("pk", "key"))
            points: dict[int, Point] = {
                pk: (float(lat or 0.0), float(lon or 0.0))  # both are filtered non-null
                for pk, lat, lon in Facility.objects.filter(
                    latitude__isnull=False, longitude__isnull=False, merged_into__isnull=True
                ).values_list("pk", "latitude", "longitude")
            }
            tags = FacilityCapability.objects.filter(facility__deleted_at__isnull=True).values_list(
                "facility_id", "capability_id"
            )
            self.by_capability: dict[str, set[int]] = defaultdict(set)
            for facility_id, capability_id in tags:
                if facility_id not in points:
                    continue
                node: int | None = capability_id
                while node is not None:
                    self.by_capability[keys[node]].add(facility_id)
                    node = parents.get(node)
        self.points = points

    def near(
        self, capability: str, centre: Point, radius_km: float, exclude: Iterable[int] = ()
    ) -> list[Nearby]:
        skip = set(exclude)
        found = []
        for facility_id in self.by_capability.get(capability, ()):
            if facility_id in skip:
                continue
            km = haversine_km(centre, self.points[facility_id])
            if km <= radius_km:
                found.append(Nearby(facility_id, round(km, 1)))
        found.sort(key=lambda n: (n.distance_km, n.facility_id))
        return found


def suppliers_for(need: SupplyNeed, suppliers: SupplierMap | None = None) -> list[Nearby]:
    suppliers = suppliers or SupplierMap()
    centre = suppliers.points.get(need.buyer_id)
    if centre is None:
        return []
    return suppliers.near(need.capability.key, centre, need.radius_km, exclude=[need.buyer_id])


@dataclass(slots=True)
class Gap:
    capability: Capability
    needs: int = 0
    unmet_needs: int = 0
    buyers: set[int] = field(default_factory=set)  # companies, for suppression
    unmet_buyers: set[int] = field(default_factory=set)  # the companies whose needs are unmet
    unmet_value: int = 0
    total_value: int = 0
    fewest_suppliers: int | None = None

    @property
    def buyer_count(self) -> int:
        return len(self.buyers)

    @property
    def unmet_buyer_count(self) -> int:
        return len(self.unmet_buyers)


def gap_analysis(k: int = 1, suppliers: SupplierMap | None = None) -> list[Gap]:
    """Capabilities with open needs; those short of ``k`` local suppliers first, by value."""
    gaps: dict[int, Gap] = {}
    with system_scope("gap analysis counts needs of every municipality (no buyer leaves it)"):
        needs = list(
            SupplyNeed.objects.filter(
                status__in=[NeedStatus.OPEN, NeedStatus.INTRODUCED]
            ).select_related("capability", "buyer")
        )
        if not needs:
            return []  # nothing to place: the registry need not be read
        suppliers = suppliers or SupplierMap()
        for need in needs:
            gap = gaps.setdefault(need.capability_id, Gap(need.capability))
            nearby = len(suppliers_for(need, suppliers))
            value = need.annual_value or 0
            gap.needs += 1
            gap.total_value += value
            gap.buyers.add(need.buyer.company_id)
            if nearby < k:
                gap.unmet_needs += 1
                gap.unmet_value += value
                gap.unmet_buyers.add(need.buyer.company_id)
            gap.fewest_suppliers = (
                nearby if gap.fewest_suppliers is None else min(gap.fewest_suppliers, nearby)
            )
    return sorted(
        gaps.values(),
        key=lambda g: (-g.unmet_value, -g.unmet_needs, -g.total_value, g.capability.label),
    )


@dataclass(slots=True)
class Concentration:
    capability: Capability
    supplier_id: int
    oem_plants: list[int] = field(default_factory=list)


def concentration_risks(
    radius_km: float = 150, suppliers: SupplierMap | None = None
) -> list[Concentration]:
    """Capabilities an OEM plant can source from exactly one supplier within ``radius_km``.

    Only capabilities some supplier of the region has count: a capability nobody
    has is a gap, not a concentration."""
    suppliers = suppliers or SupplierMap()
    with system_scope("concentration risk reads the registry"):
        oems = [
            pk
            for pk in Facility.objects.filter(tier=Tier.OEM).values_list("pk", flat=True)
            if pk in suppliers.points
        ]
        capabilities = {c.key: c for c in Capability.objects.all()}
    risks: dict[tuple[str, int], Concentration] = {}
    for key, holders in sorted(suppliers.by_capability.items()):
        if not holders or capabilities[key].parent_id is None:
            continue  # the roots ("processes", ...) say nothing
        for oem in oems:
            nearby = suppliers.near(key, suppliers.points[oem], radius_km, exclude=[oem])
            if len(nearby) == 1:
                risk = risks.setdefault(
                    (key, nearby[0].facility_id),
                    Concentration(capabilities[key], nearby[0].facility_id),
                )
                risk.oem_plants.append(oem)
    return sorted(risks.values(), key=lambda r: (-len(r.oem_plants), r.capability.label))
