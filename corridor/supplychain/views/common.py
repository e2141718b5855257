"""What the supply-chain pages share: navigation, marker colours, who the buyer is, exports."""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from django.core.exceptions import PermissionDenied

from corridor.core import policy
from corridor.registry.models import Facility, Tier
from corridor.supplychain.models import Capability, FacilityCapability, SupplyNeed

NAV = "supply-chain"

# Marker colours: dark enough on the plain map background and on tiles; each also has
# words (legend, popup, table), so nothing is told by colour alone.
TIER_STYLE: dict[str, tuple[str, int, str]] = {  # tier: (colour, radius, css class)
    Tier.OEM: ("#5b2a86", 10, "oem"),
    Tier.TIER1: ("#1f5fa8", 6, "tier1"),
    Tier.TIER2: ("#2e7d32", 6, "tier2"),
    Tier.TIER3: ("#a05a00", 5, "tier3"),
    Tier.TOOLING: ("#6d4c41", 5, "tooling"),
    Tier.SERVICE: ("#00707a", 5, "service"),
    Tier.UNKNOWN: ("#ffffff", 4, "unknown"),
}
GAP_COLOUR = "#c62828"
CENTRE_COLOUR = "#111111"


def section(name: str) -> dict[str, Any]:
    """Context every supply-chain page carries: its main-navigation entry and its sub-page."""
    return {"nav_current": NAV, "supply_section": name}


def require_participant(user: Any) -> None:
    if not policy.can_view(user, SupplyNeed):
        raise PermissionDenied(
            "Supply needs are for the municipalities and the coordinator office. "
            "The gap analysis and the map show the region's picture to everyone."
        )


def place_of(facility: Facility) -> str:
    if facility.municipality_id and facility.municipality:
        return facility.municipality.name
    return facility.city or "a place not known"


def capabilities(user: Any) -> Any:
    return policy.visible(user, Capability).order_by("pk")


def tag_labels(user: Any, facility_ids: Iterable[int]) -> dict[int, list[str]]:
    """The capability labels of each facility, sorted."""
    out: dict[int, list[str]] = {}
    rows = (
        policy.visible(user, FacilityCapability)
        .filter(facility_id__in=list(facility_ids))
        .values_list("facility_id", "capability__label")
        .order_by("capability__label")
    )
    for facility_id, label in rows:
        out.setdefault(facility_id, []).append(label)
    return out


def tier_label(tier: str) -> str:
    return str(Tier(tier).label) if tier in Tier.values else tier or "Not known"


def money(value: int | None) -> str:
    return "" if value is None else f"${value:,}"
